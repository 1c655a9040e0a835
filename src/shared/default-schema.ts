// The default "News analysis" schema every new project starts with. Projects keep their own copy in
// project.json, so editing it in one project never changes another.
import type { AnnotationSchema } from './model'

/** Returns a fresh copy of the default "News analysis" schema. */
export function defaultSchema(): AnnotationSchema {
  return {
    name: 'News analysis',
    layers: [
      {
        id: 'claim',
        name: 'Claim',
        color: '#2563eb',
        underline: 'solid',
        shortcut: '1',
        labels: [{ name: 'Claim' }],
        attributes: [
          { name: 'checkability', type: 'enum', values: ['factual', 'opinion', 'prediction'] },
          { name: 'note', type: 'text' },
        ],
      },
      {
        id: 'source',
        name: 'Source',
        color: '#d97706',
        underline: 'dashed',
        shortcut: '2',
        labels: [{ name: 'Source' }],
        attributes: [
          {
            name: 'kind',
            type: 'enum',
            values: ['person', 'organisation', 'government', 'media', 'document', 'anonymous'],
          },
          { name: 'note', type: 'text' },
        ],
      },
      {
        id: 'sentiment',
        name: 'Sentiment',
        color: '#db2777',
        underline: 'wavy',
        shortcut: '3',
        labels: [{ name: 'Sentiment' }],
        attributes: [
          { name: 'polarity', type: 'enum', values: ['positive', 'negative', 'neutral', 'mixed'] },
          { name: 'intensity', type: 'number', min: 1, max: 3, integer: true },
          { name: 'note', type: 'text' },
        ],
      },
    ],
    relationTypes: [
      { id: 'attributed_to', name: 'attributed to', from: ['claim'], to: ['source'], attributes: [] },
    ],
    labelSets: [
      {
        id: 'overall_sentiment',
        name: 'Overall sentiment',
        values: ['positive', 'negative', 'neutral', 'mixed'],
        multiple: false,
      },
    ],
  }
}
