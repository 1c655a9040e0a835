// A fixed schema for the shell's unit tests, so they do not change when the default schema grows.
import type { AnnotationSchema } from '../../src/shared/model'

/** Claim (1), Source (2) and Sentiment (3) layers, one label each, and one label set. */
export function testSchema(): AnnotationSchema {
  const layer = (id: string, name: string, shortcut: string, color: string) => ({
    id,
    name,
    color,
    underline: 'solid' as const,
    shortcut,
    labels: [{ name }],
    attributes: [{ name: 'note', type: 'text' as const }],
  })
  return {
    name: 'Test',
    layers: [
      layer('claim', 'Claim', '1', '#2563eb'),
      layer('source', 'Source', '2', '#d97706'),
      layer('sentiment', 'Sentiment', '3', '#db2777'),
    ],
    relationTypes: [],
    labelSets: [
      { id: 'overall', name: 'Overall', values: ['positive', 'negative'], multiple: false },
    ],
  }
}
