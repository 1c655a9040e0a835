// Seeded synthetic projects for the agreement tests and benchmark: one "true" annotation of each
// article, and each analyst's noisy copy of it (spans dropped, boundaries moved by a word, labels,
// attributes and links changed, spurious spans added). The text mixes astral characters in, so
// code-point and UTF-16 offsets differ.
import { defaultSchema } from '../../../src/shared/default-schema'
import { seededRandom } from '../../../src/shared/seeded-random'
import type { AnnotationSchema, Annotations, Relation, Span } from '../../../src/shared/model'
import type { AgreementDocument } from '../../../src/shared/agreement'

const T = '2026-01-01T00:00:00.000Z'

/** A seeded generator, so every run builds the same data (the project's one: seeded-random.ts). */
export const random = seededRandom

export interface ProjectShape {
  documents: number
  analysts: number
  /** Spans per analyst per document (approximately). */
  spans: number
  seed: number
  /** Probability an analyst keeps a true span (default 0.85). */
  keep?: number
  /** Probability a kept span's boundaries move by a word (default 0.2). */
  shift?: number
  /** Probability an attribute value or link is changed (default 0.2). */
  change?: number
  /** Probability an analyst leaves an attribute unset (default 0.1). */
  unset?: number
  /** The schema whose layers, labels and attributes are used (default: the default schema). */
  schema?: AnnotationSchema
}

const WORDS = ['minister', 'said', 'taxes', 'would', 'rise', 'café', 'report', '😀', 'agency', '𝔘']

interface Word {
  start: number
  end: number
}

function article(words: number, rnd: () => number): { text: string; words: Word[] } {
  const list: Word[] = []
  let text = ''
  for (let i = 0; i < words; i++) {
    if (i > 0) text += i % 17 === 0 ? '\n\n' : ' '
    const w = WORDS[Math.floor(rnd() * WORDS.length)]
    list.push({ start: text.length, end: text.length + w.length })
    text += w
  }
  return { text, words: list }
}

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]

interface TrueSpan {
  id: string
  layer: string
  label: string
  first: number
  last: number
  attributes: Record<string, string | number>
}

function truth(schema: AnnotationSchema, words: number, count: number, rnd: () => number) {
  const spans: TrueSpan[] = []
  const layers = ['claim', 'source', 'cue', 'sentiment'] as const
  for (let i = 0; i < count; i++) {
    const layer = layers[i % layers.length]
    const length = layer === 'claim' ? 6 : layer === 'sentiment' ? 4 : 2
    const first = Math.floor(rnd() * (words - length))
    const attributes: Record<string, string | number> = {}
    const def = schema.layers.find((l) => l.id === layer)!
    for (const a of def.attributes) {
      if (a.type === 'enum') attributes[a.name] = pick(rnd, a.values)
      if (a.type === 'number') attributes[a.name] = 1 + Math.floor(rnd() * 3)
    }
    const label = pick(rnd, def.labels).name
    spans.push({ id: `t${i}`, layer, label, first, last: first + length - 1, attributes })
  }
  const claims = spans.filter((s) => s.layer === 'claim')
  const sources = spans.filter((s) => s.layer === 'source')
  const cues = spans.filter((s) => s.layer === 'cue')
  const relations = claims.flatMap((c, i) => {
    const out = []
    if (sources.length) {
      out.push({
        type: 'attributed_to',
        from: c.id,
        to: sources[i % sources.length].id,
        attribution: pick(rnd, ['direct_quote', 'indirect', 'paraphrase']),
        stance: pick(rnd, ['asserts', 'denies', 'questions', 'reports']),
      })
    }
    if (cues[i]) out.push({ type: 'cue_of', from: cues[i].id, to: c.id })
    return out
  })
  return { spans, relations }
}

type TrueRelation = ReturnType<typeof truth>['relations'][number]

function analystSet(
  name: string,
  text: string,
  words: Word[],
  spans: TrueSpan[],
  relations: TrueRelation[],
  shape: ProjectShape,
  rnd: () => number,
): Annotations {
  const keep = shape.keep ?? 0.85
  const shift = shape.shift ?? 0.2
  const change = shape.change ?? 0.2
  const unset = shape.unset ?? 0.1
  const schema = shape.schema ?? defaultSchema()
  const out: Span[] = []
  const ids = new Map<string, string>()
  const make = (
    id: string,
    layer: string,
    label: string | null,
    first: number,
    last: number,
    attrs: TrueSpan['attributes'],
  ) => {
    const def = schema.layers.find((l) => l.id === layer)!
    const start = words[Math.max(0, first)].start
    const end = words[Math.min(words.length - 1, last)].end
    const attributes: Span['attributes'] = {}
    for (const a of def.attributes) {
      if (!(a.name in attrs) || rnd() < unset) continue
      if (rnd() >= change) attributes[a.name] = attrs[a.name]
      else if (a.type === 'enum') attributes[a.name] = pick(rnd, a.values)
      else attributes[a.name] = 1 + Math.floor(rnd() * 3)
    }
    out.push({
      id,
      layer,
      label: label !== null && rnd() >= change ? label : pick(rnd, def.labels).name,
      start,
      end,
      quote: { exact: text.slice(start, end), prefix: '', suffix: '' },
      attributes,
      annotator: name,
      createdAt: T,
      updatedAt: T,
    })
  }
  for (const s of spans) {
    if (rnd() >= keep) continue
    const move = rnd() < shift ? (rnd() < 0.5 ? -1 : 1) : 0
    const id = `${name}-${s.id}`
    ids.set(s.id, id)
    make(id, s.layer, s.label, s.first + move, s.last + (rnd() < shift ? move : 0), s.attributes)
  }
  const spurious = Math.round(spans.length * (1 - keep))
  for (let i = 0; i < spurious; i++) {
    const first = Math.floor(rnd() * (words.length - 4))
    const layer = pick(rnd, ['claim', 'source', 'cue', 'sentiment'])
    make(`${name}-x${i}`, layer, null, first, first + 2, {
      polarity: 'neutral',
      checkability: 'opinion',
    })
  }
  const rels: Relation[] = []
  relations.forEach((r, i) => {
    const from = ids.get(r.from)
    const to = ids.get(r.to)
    if (!from || !to || rnd() < change / 2) return
    const attributes: Relation['attributes'] = {}
    if (r.type === 'attributed_to') {
      if (rnd() >= unset) attributes.attribution = rnd() < change ? 'paraphrase' : r.attribution!
      if (rnd() >= unset) attributes.stance = rnd() < change ? 'reports' : r.stance!
    }
    rels.push({
      id: `${name}-r${i}`,
      type: r.type,
      from,
      to,
      attributes,
      annotator: name,
      createdAt: T,
      updatedAt: T,
    })
  })
  const overall = rnd() < 0.7 ? 'negative' : pick(rnd, ['positive', 'neutral', 'mixed'])
  return {
    spans: out,
    relations: rels,
    docLabels: rnd() < 0.9 ? { overall_sentiment: [overall] } : {},
  }
}

/** Analyst names of a generated project: ana, ben, cy, dee, eve, … */
export function analystNames(n: number): string[] {
  const names = ['ana', 'ben', 'cy', 'dee', 'eve', 'fay', 'gus']
  return Array.from({ length: n }, (_, i) => names[i] ?? `analyst${i}`)
}

/** A generated project: `documents` articles, each annotated by every analyst. */
export function generateProject(shape: ProjectShape): AgreementDocument[] {
  const rnd = random(shape.seed)
  const analysts = analystNames(shape.analysts)
  return Array.from({ length: shape.documents }, (_, d) => {
    const { text, words } = article(Math.max(60, shape.spans * 6), rnd)
    const { spans, relations } = truth(
      shape.schema ?? defaultSchema(),
      words.length,
      shape.spans,
      rnd,
    )
    const sets: Record<string, Annotations> = {}
    for (const a of analysts) sets[a] = analystSet(a, text, words, spans, relations, shape, rnd)
    return { id: `doc${d + 1}`, title: `Article ${d + 1}`, text, sets }
  })
}

/** The default schema with several labels on the claim and sentiment layers. */
export function multiLabelSchema(): AnnotationSchema {
  const schema = defaultSchema()
  schema.layers.find((l) => l.id === 'claim')!.labels = [{ name: 'Claim' }, { name: 'Prediction' }]
  schema.layers.find((l) => l.id === 'sentiment')!.labels = [
    { name: 'Praise' },
    { name: 'Criticism' },
    { name: 'Irony' },
  ]
  return schema
}
