// Shared data of the storage tests (also used by the crash child, so no vitest imports here).
import type { Annotations } from '../../../../src/shared/model'
import type { NewDocument } from '../../../../src/main/core/storage'
import { TEST_TIME, spanAt } from '../../fixtures/span-at'

export const TEXT = 'Putin said the deal was historic.\n\nKim called it a 🚀 "fiery friendship".'

/** A document with a title, two paragraphs and no annotations. */
export function newDocument(text = TEXT, title = 'Test article'): NewDocument {
  const blocks = []
  let start = 0
  for (const para of text.split('\n\n')) {
    blocks.push({ type: 'paragraph' as const, start, end: start + para.length })
    start += para.length + 2
  }
  return { title, metadata: { outlet: 'Test' }, text, blocks }
}

const T = TEST_TIME

/** Annotations on TEXT: a claim, its source, a relation and the document label. */
export function annotationsFor(text = TEXT): Annotations {
  const span = (id: string, layer: string, label: string, exact: string, attributes = {}) =>
    spanAt(text, id, layer, label, exact, { attributes })
  return {
    spans: [
      span('s1', 'claim', 'Claim', 'the deal was historic', { checkability: 'opinion' }),
      span('s2', 'source', 'Source', 'Putin', { kind: 'person' }),
      span('s3', 'sentiment', 'Sentiment', '🚀 "fiery friendship"', {
        polarity: 'positive',
        intensity: 3,
      }),
    ],
    relations: [
      {
        id: 'r1',
        type: 'attributed_to',
        from: 's1',
        to: 's2',
        attributes: {},
        annotator: 'tester',
        createdAt: T,
        updatedAt: T,
      },
    ],
    docLabels: { overall_sentiment: ['positive'] },
  }
}

/** A long text for the crash test: 400 numbered sentences. */
export function longText(): string {
  return Array.from({ length: 400 }, (_, i) => `Sentence ${i} says something.`).join('\n\n')
}

/**
 * Version `n` of the crash test's annotations: a deterministic function of n, so a file read after
 * a crash can be checked against the complete version it claims to be (its first span's note).
 */
export function versionAnnotations(text: string, n: number): Annotations {
  const count = (n % 150) + 1
  const spans = Array.from({ length: count }, (_, i) =>
    spanAt(text, `s${i}`, 'claim', 'Claim', `Sentence ${i} says`, {
      attributes: { note: i === 0 ? `version ${n}` : `note ${i} of ${n}` },
      annotator: 'crash-test',
    }),
  )
  return {
    spans,
    relations: [],
    docLabels: { overall_sentiment: [['positive', 'negative'][n % 2]] },
  }
}

/**
 * Version `n` of the journalled crash test's annotations: 100 to 149 spans whose first says the
 * version, so that each save changes little (one span changed, one added) and is journalled.
 */
export function journalVersion(text: string, n: number): Annotations {
  const count = 100 + (n % 50)
  const spans = Array.from({ length: count }, (_, i) =>
    spanAt(text, `s${i}`, 'claim', 'Claim', `Sentence ${i} says`, {
      attributes: { note: i === 0 ? `version ${n}` : `note ${i}` },
      annotator: 'crash-test',
    }),
  )
  return { spans, relations: [], docLabels: {} }
}
