// A small project on disk that the documented recipes must survive: CRLF and a lone CR (imported,
// so LF), emoji, a ZWJ family, a flag, combining marks, right-to-left text, U+2028, U+0085, a form
// feed, `#` tokens (one starting a span, so a CoNLL line starts with `#`), cells that look like
// formulas (=, +, -, @), notes with commas, quotes and line breaks, overlapping and nested spans in
// one layer, a span across a line break, a label name shared by two layers, entities, relations
// with attributes, document labels, and a document without spans. Built through the real
// importer and store with a fixed clock and ids, so every export of it is the same every run.
import path from 'node:path'
import { importDocumentFile } from '../../src/main/core/import'
import { ProjectStore, type StoreEnv } from '../../src/main/core/storage'
import { quoteOf } from '../../src/shared/anchor'
import { defaultSchema } from '../../src/shared/default-schema'
import type { AnnotationSchema, Attributes, Relation, Span } from '../../src/shared/model'

const T = '2024-07-01T09:00:00.000Z'

/** The default schema plus a layer `actor` whose label `Source` is also the `source` layer's. */
export function hostileSchema(): AnnotationSchema {
  const schema = defaultSchema()
  schema.layers.push({
    id: 'actor',
    name: 'Actor',
    color: '#4b5563',
    underline: 'double',
    labels: [{ name: 'Source' }, { name: 'Person' }],
    attributes: [
      { name: 'note', type: 'text' },
      { name: 'named', type: 'boolean' },
    ],
  })
  return schema
}

/** The article: CRLF line ends and a lone CR, as a Windows editor might save it. */
export const HOSTILE_SOURCE =
  '#Breaking: =SUM(A1) is not a formula, says @analyst 😀\r\n' +
  '\r\n' +
  'The minister 🇫🇷 said the cafe\u0301 prices fell -5% drop in U.S. markets.\r\n' +
  'Critics 👨‍👩‍👧 disagreed: +1 for #hashtags, on Tuesday.\r\n' +
  'مرحبا بالعالم said the RTL source.\u2028Next\u0085line and a form\ffeed.\r\n' +
  'A lone CR here\rand done.'

interface SpanSpec {
  id: string
  layer: string
  label: string
  find: string
  /** Which occurrence of `find` (0 = the first). */
  nth?: number
  attributes?: Attributes
  entityId?: string
}

const HOSTILE_SPANS: SpanSpec[] = [
  {
    id: 's-breaking',
    layer: 'claim',
    label: 'Claim',
    find: '#Breaking: =SUM(A1) is not a formula',
    attributes: { checkability: 'factual', note: '=cmd|"/c calc"!A1, "quoted",\nsecond line' },
  },
  {
    id: 's-formula',
    layer: 'claim',
    label: 'Claim',
    find: '=SUM(A1) is not a formula',
    attributes: { note: "'starts with an apostrophe" },
  },
  { id: 's-says', layer: 'cue', label: 'Cue', find: 'says' },
  {
    id: 's-analyst',
    layer: 'source',
    label: 'Source',
    find: '@analyst',
    attributes: { kind: 'person' },
    entityId: 'e-analyst',
  },
  {
    id: 's-smile',
    layer: 'sentiment',
    label: 'Sentiment',
    find: '😀',
    attributes: { polarity: 'positive', intensity: 2 },
  },
  {
    id: 's-minister',
    layer: 'source',
    label: 'Source',
    find: 'The minister 🇫🇷',
    attributes: { kind: 'government', note: 'a flag: two code points' },
    entityId: 'e-minister',
  },
  {
    id: 's-actor-minister',
    layer: 'actor',
    label: 'Source',
    find: 'The minister',
    attributes: { named: false },
  },
  {
    id: 's-cafe',
    layer: 'claim',
    label: 'Claim',
    find: 'the cafe\u0301 prices fell -5% drop in U.S. markets',
    attributes: { checkability: 'factual' },
  },
  {
    id: 's-drop',
    layer: 'sentiment',
    label: 'Sentiment',
    find: '-5% drop',
    attributes: { polarity: 'negative', intensity: 3 },
  },
  { id: 's-critics', layer: 'source', label: 'Source', find: 'Critics 👨‍👩‍👧' },
  {
    id: 's-critics-actor',
    layer: 'actor',
    label: 'Person',
    find: 'Critics',
    attributes: { named: true },
  },
  {
    id: 's-disagreed',
    layer: 'claim',
    label: 'Claim',
    find: 'disagreed: +1 for #hashtags, on Tuesday',
    attributes: { checkability: 'opinion' },
  },
  {
    id: 's-plus',
    layer: 'claim',
    label: 'Claim',
    find: '+1 for #hashtags',
    attributes: { note: ' =1+1 after a space' },
  },
  { id: 's-rtl', layer: 'source', label: 'Source', find: 'مرحبا بالعالم' },
  { id: 's-across', layer: 'sentiment', label: 'Sentiment', find: 'markets.\nCritics' },
  { id: 's-nel', layer: 'claim', label: 'Claim', find: 'Next\u0085line and a form\ffeed' },
  { id: 's-done', layer: 'claim', label: 'Claim', find: 'done.', attributes: { note: 'NA' } },
]

const HOSTILE_RELATIONS: Pick<Relation, 'id' | 'type' | 'from' | 'to' | 'attributes'>[] = [
  {
    id: 'r-breaking',
    type: 'attributed_to',
    from: 's-breaking',
    to: 's-analyst',
    attributes: { attribution: 'direct_quote', stance: 'asserts' },
  },
  { id: 'r-says', type: 'cue_of', from: 's-says', to: 's-breaking', attributes: {} },
  {
    id: 'r-cafe',
    type: 'attributed_to',
    from: 's-cafe',
    to: 's-minister',
    attributes: { attribution: 'indirect', stance: 'reports' },
  },
  {
    id: 'r-disagreed',
    type: 'attributed_to',
    from: 's-disagreed',
    to: 's-critics',
    attributes: {},
  },
]

function spansOf(text: string, specs: SpanSpec[]): Span[] {
  return specs.map((s) => {
    let start = -1
    for (let i = 0; i <= (s.nth ?? 0); i++) start = text.indexOf(s.find, start + 1)
    if (start < 0) throw new Error(`hostile fixture: ${JSON.stringify(s.find)} not in the text`)
    const end = start + s.find.length
    return {
      id: s.id,
      layer: s.layer,
      label: s.label,
      start,
      end,
      quote: quoteOf(text, start, end),
      attributes: s.attributes ?? {},
      ...(s.entityId ? { entityId: s.entityId } : {}),
      annotator: 'ana',
      createdAt: T,
      updatedAt: T,
    }
  })
}

/**
 * Creates the hostile project in `dir` (empty or absent) and returns its folder. `linked: false`
 * leaves out every relation, so doccano writes its sequence-labelling form (`"label": [...]`).
 */
export async function buildHostileProject(dir: string, linked = true): Promise<string> {
  let n = 0
  const env: StoreEnv = { now: () => new Date(T), newId: (prefix) => `${prefix}-${++n}` }
  const store = await ProjectStore.create(dir, {
    name: 'Hostile study',
    schema: hostileSchema(),
    env,
  })
  try {
    await store.setEntities([
      { id: 'e-analyst', name: '@analyst', kind: 'person', aliases: ['the analyst'], note: '' },
      {
        id: 'e-minister',
        name: 'Minister of Finance',
        kind: 'government',
        aliases: [],
        note: '=1+1',
      },
    ])
    const hostile = importDocumentFile('hostile.txt', new TextEncoder().encode(HOSTILE_SOURCE))
    hostile.title = '=HYPERLINK("x") "Breaking", 😀'
    hostile.annotations = {
      spans: spansOf(hostile.text, HOSTILE_SPANS),
      relations: linked
        ? HOSTILE_RELATIONS.map((r) => relation(r.id, r.type, r.from, r.to, r.attributes))
        : [],
      docLabels: { overall_sentiment: ['mixed'] },
    }
    await add(store, hostile)
    await add(
      store,
      importDocumentFile('no-spans.txt', new TextEncoder().encode('Nothing tagged here.\n')),
    )
    const plain = importDocumentFile(
      'plain.txt',
      new TextEncoder().encode('Putin said the talks went well.\n'),
    )
    plain.annotations = {
      spans: spansOf(plain.text, [
        { id: 's-talks', layer: 'claim', label: 'Claim', find: 'the talks went well' },
        { id: 's-putin', layer: 'source', label: 'Source', find: 'Putin' },
        { id: 's-putin-actor', layer: 'actor', label: 'Person', find: 'Putin' },
        { id: 's-said', layer: 'cue', label: 'Cue', find: 'said' },
      ]),
      relations: linked
        ? [
            relation('r-talks', 'attributed_to', 's-talks', 's-putin', { stance: 'asserts' }),
            relation('r-said', 'cue_of', 's-said', 's-talks'),
          ]
        : [],
      docLabels: { overall_sentiment: ['positive'] },
    }
    await add(store, plain)
  } finally {
    await store.close()
  }
  return path.resolve(dir)
}

function relation(
  id: string,
  type: string,
  from: string,
  to: string,
  attributes: Attributes = {},
): Relation {
  return { id, type, from, to, attributes, annotator: 'ana', createdAt: T, updatedAt: T }
}

async function add(store: ProjectStore, doc: Parameters<ProjectStore['addDocument']>[0]) {
  const result = await store.addDocument(doc)
  if (result.status !== 'added') throw new Error('hostile fixture: a document was a duplicate')
}
