// Export a project, import it back into a project with the same schema, and compare everything:
// text, title, metadata, ids, spans (range, layer, label, attributes, annotator, times, entity
// link), relations (ends, type, attributes, annotator, times) and document labels. Every
// difference must be a loss the export's manifest declares, and on the fixed hostile project each
// declared loss must be what the round trip shows: a loss the format does not write shows up, a
// loss kept beside the files for our importer (doccano's `marginalia` key, brat's sidecar) does
// not. Generated projects (fast-check) check that nothing undeclared ever differs.
//
// Texts are hostile: emoji, ZWJ sequences, flags, combining marks, CJK, RTL, NBSP, tabs, form feed,
// vertical tab, U+0085, U+2028/2029, and line ends that were CRLF or a lone CR before the document
// import made them LF (a project's text holds no CR); spans overlap and nest, relations carry
// attributes, and labels and enum values are not ASCII.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { exportFormats } from '../../../../src/main/core/formats'
import { runImport } from '../../../../src/main/core/formats/importers'
import type { ImportedDocument, ImportFile } from '../../../../src/main/core/formats/import-types'
import type { ExportManifest } from '../../../../src/shared/ipc-contract'
import type {
  AnnotationSchema,
  Attributes,
  DocumentFile,
  Entity,
  Span,
} from '../../../../src/shared/model'
import { makeDoc, makeInput, testSchema, type SpanSpec } from './fixtures'

/** The test schema, with non-ASCII label names, an enum value that is not ASCII and relation
 * attributes of every kind. */
function hostileSchema(): AnnotationSchema {
  const schema = testSchema()
  schema.layers[0].labels.push({ name: 'Déclaration' })
  schema.layers[1].labels.push({ name: 'Источник' })
  const kind = schema.layers[1].attributes[0]
  if (kind.type === 'enum') kind.values.push('agence de presse')
  schema.relationTypes[0].attributes.push(
    { name: 'direct', type: 'boolean' },
    { name: 'weight', type: 'number' },
    { name: 'note', type: 'text' },
  )
  return schema
}

const schema = hostileSchema()
const ENTITIES: Entity[] = [{ id: 'e-afp', name: 'AFP', kind: 'agency', aliases: [], note: '' }]

/** What can differ after a round trip, and the manifest losses (by `what`) that explain it. */
const EXPLAINED_BY: Record<string, RegExp | null> = {
  text: null,
  title: /title/i,
  metadata: /metadata/i,
  'document id': /document ids?\b/i,
  'span ids': /span ids?\b/i,
  'relation ids': /relation ids?\b/i,
  annotators: /annotator|creator/i,
  timestamps: /time|created|modified/i,
  'span range': /edge/i,
  'span left out': /line breaks only|left out/i,
  'false booleans': /false boolean/i,
  'line breaks in notes': /line breaks in notes/i,
  'span attributes': /span attributes/i,
  'relation attributes': /relation attributes/i,
  'document labels': /document labels/i,
  'entity links': /entity links/i,
  'extra span': null,
  'extra relation': null,
}

/** The importable formats, each exported and imported back. */
const FORMATS = ['jsonl', 'doccano', 'label-studio', 'brat', 'w3c']

interface Difference {
  kind: keyof typeof EXPLAINED_BY
  detail: string
  /** Other losses that also explain it (a relation's false boolean: its attributes, too). */
  also?: (keyof typeof EXPLAINED_BY)[]
}

// What a brat fragment cannot start or end on: characters Python's str.splitlines() breaks at.
// eslint-disable-next-line no-control-regex -- U+001C–U+001E are among them
const LINE_BREAK = /[\n\v\f\r\u001c-\u001e\u0085\u2028\u2029]/

function trimmedBreaks(text: string, span: { start: number; end: number }) {
  let { start, end } = span
  while (start < end && LINE_BREAK.test(text[start])) start++
  while (end > start && LINE_BREAK.test(text[end - 1])) end--
  return { start, end }
}

const key = (s: { start: number; end: number; layer: string; label: string }) =>
  `${s.start}-${s.end} ${s.layer}/${s.label}`

/** Pairs each original span with its import (same range and label, else the edge-trimmed range). */
function pairSpans(
  text: string,
  original: Span[],
  back: Span[],
  out: Difference[],
): Map<string, Span | undefined> {
  const pool = new Map<string, Span[]>()
  for (const s of back) pool.set(key(s), [...(pool.get(key(s)) ?? []), s])
  const take = (k: string) => pool.get(k)?.shift()
  const pairs = new Map<string, Span | undefined>()
  for (const s of original) {
    let match = take(key(s))
    if (!match) {
      match = take(key({ ...s, ...trimmedBreaks(text, s) }))
      if (match) out.push({ kind: 'span range', detail: `${key(s)} came back as ${key(match)}` })
      else out.push({ kind: 'span left out', detail: key(s) })
    }
    pairs.set(s.id, match)
  }
  for (const rest of pool.values())
    for (const s of rest) out.push({ kind: 'extra span', detail: key(s) })
  return pairs
}

function attributeDifferences(
  a: Attributes,
  b: Attributes,
  owner: 'span' | 'relation',
  where: string,
): Difference[] {
  const out: Difference[] = []
  for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (Object.is(a[name], b[name])) continue
    const detail = `${where} ${name}: ${JSON.stringify(a[name])} → ${JSON.stringify(b[name])}`
    const whole = `${owner} attributes` as const
    if (a[name] === false && b[name] === undefined)
      out.push({ kind: 'false booleans', detail, also: [whole] })
    else if (typeof a[name] === 'string' && /[\n\r]/.test(a[name]))
      out.push({ kind: 'line breaks in notes', detail, also: [whole] })
    else out.push({ kind: whole, detail })
  }
  return out
}

/** Every difference between a document and what came back from its round trip. */
function differences(original: DocumentFile, back: ImportedDocument): Difference[] {
  const out: Difference[] = []
  const a = original.document
  const b = back.document
  if (a.text !== b.text) out.push({ kind: 'text', detail: JSON.stringify([a.text, b.text]) })
  if (a.title !== b.title) out.push({ kind: 'title', detail: `${a.title} → ${b.title}` })
  // importedFrom records where the import came from: it is meant to change.
  const { importedFrom: _a, ...metaA } = a.metadata
  const { importedFrom: _b, ...metaB } = b.metadata
  if (JSON.stringify(metaA) !== JSON.stringify(metaB))
    out.push({ kind: 'metadata', detail: `${JSON.stringify(metaA)} → ${JSON.stringify(metaB)}` })
  if (a.id !== b.id) out.push({ kind: 'document id', detail: `${a.id} → ${String(b.id)}` })

  const pairs = pairSpans(a.text, original.annotations.spans, back.annotations.spans, out)
  for (const s of original.annotations.spans) {
    const t = pairs.get(s.id)
    if (!t) continue
    if (s.id !== t.id) out.push({ kind: 'span ids', detail: `${s.id} → ${t.id}` })
    if (s.annotator !== t.annotator) out.push({ kind: 'annotators', detail: key(s) })
    if (s.createdAt !== t.createdAt || s.updatedAt !== t.updatedAt)
      out.push({ kind: 'timestamps', detail: key(s) })
    if (s.entityId !== t.entityId) out.push({ kind: 'entity links', detail: key(s) })
    out.push(...attributeDifferences(s.attributes, t.attributes, 'span', key(s)))
  }

  const backRelations = [...back.annotations.relations]
  for (const r of original.annotations.relations) {
    const from = pairs.get(r.from)
    const to = pairs.get(r.to)
    const at = `relation ${r.id}`
    if (!from || !to) {
      out.push({ kind: 'span left out', detail: `${at}: an end was left out` })
      continue
    }
    const i = backRelations.findIndex(
      (x) => x.from === from.id && x.to === to.id && x.type === r.type,
    )
    if (i < 0) {
      out.push({ kind: 'extra relation', detail: `${at} is missing` })
      continue
    }
    const [t] = backRelations.splice(i, 1)
    if (r.id !== t.id) out.push({ kind: 'relation ids', detail: `${r.id} → ${t.id}` })
    if (r.annotator !== t.annotator) out.push({ kind: 'annotators', detail: at })
    if (r.createdAt !== t.createdAt || r.updatedAt !== t.updatedAt)
      out.push({ kind: 'timestamps', detail: at })
    out.push(...attributeDifferences(r.attributes, t.attributes, 'relation', at))
  }
  for (const r of backRelations) out.push({ kind: 'extra relation', detail: r.id })

  const labels = (d: Record<string, string[]>) =>
    JSON.stringify(
      Object.entries(d)
        .filter(([, v]) => v.length > 0)
        .sort(),
    )
  if (labels(original.annotations.docLabels) !== labels(back.annotations.docLabels))
    out.push({ kind: 'document labels', detail: labels(back.annotations.docLabels) })
  return out
}

/** The kinds of difference the manifest does not declare. */
function undeclared(diffs: Difference[], manifest: ExportManifest): Set<string> {
  const declared = (kind: string) => {
    const pattern = EXPLAINED_BY[kind]
    return !!pattern && manifest.losses.some((l) => l.count > 0 && pattern.test(l.what))
  }
  const explained = (d: Difference) => [d.kind, ...(d.also ?? [])].some(declared)
  return new Set(diffs.filter((d) => !explained(d)).map((d) => d.kind))
}

/** A declared loss the format keeps beside its files, where our importer reads it back. */
const KEPT_FOR_IMPORT = /\bkept in\b/i

/**
 * Declared losses that the round trip contradicts: one the format says it does not write that
 * shows no difference, or one it says it keeps for the importer that does. Losses no difference
 * can show (what the format's own tool makes of the text) are not checked.
 */
function misdeclared(diffs: Difference[], manifest: ExportManifest): string[] {
  const shown = new Set(diffs.flatMap((d) => [d.kind, ...(d.also ?? [])]))
  const out: string[] = []
  for (const loss of manifest.losses) {
    const kinds = Object.entries(EXPLAINED_BY)
      .filter(([, pattern]) => pattern?.test(loss.what))
      .map(([kind]) => kind)
    if (kinds.length === 0) continue
    const visible = kinds.some((k) => shown.has(k))
    const kept = KEPT_FOR_IMPORT.test(loss.reason)
    if (kept && visible) out.push(`${loss.what}: declared as kept, but it differs`)
    if (!kept && !visible) out.push(`${loss.what}: declared as lost, but it came back`)
  }
  return out
}

/** Exports `documents`, imports them back into the same schema; returns the diffs and manifest. */
function roundTrip(format: string, documents: DocumentFile[]) {
  const input = makeInput(documents, schema)
  input.project.entities = ENTITIES
  const output = exportFormats[format].export(input)
  const files: ImportFile[] = output.files.map((f) => ({ path: `export/${f.path}`, data: f.data }))
  files.push({ path: 'export/manifest.json', data: JSON.stringify(output.manifest) })
  const result = runImport(format, { files }, schema, {
    entityIds: ENTITIES.map((e) => e.id),
    now: '2030-01-01T00:00:00.000Z',
  })
  expect(result.problems).toEqual([])
  expect(result.unknownLabels).toEqual([])
  expect(result.documents).toHaveLength(documents.length)
  const diffs: Difference[] = []
  for (const original of documents) {
    const back = result.documents.find(
      (d) => d.document.text === original.document.text && !(d as { used?: true }).used,
    )
    if (!back) throw new Error(`no document came back for ${original.document.id}`)
    ;(back as { used?: true }).used = true
    for (const s of back.annotations.spans) {
      expect(back.document.text.slice(s.start, s.end)).toBe(s.quote.exact)
    }
    diffs.push(...differences(original, back))
  }
  return { diffs, manifest: output.manifest }
}

// ---------------------------------------------------------------------------------------------
// The fixed hostile project

const HOSTILE = [
  'Ministers 😀 said: "cafe\u0301 prices rose."',
  'The 👍🏽 agency AFP\u00a0reported it,\tsaid 👩‍👩‍👧 family.',
  'Page 1\fPage 2: 🇺🇦 flags 🇫🇷 and مرحبا بالعالم and שלום.',
  'Next\u0085line\u2028separator\u2029para\vtab 中文 claim here.',
  'Lone\rCR and CRLF\r\nend.',
]
  .join('\r\n')
  .replace(/\r\n?/g, '\n')

function hostileDocument(): DocumentFile {
  const at = (needle: string, nth = 0) => {
    let i = -1
    for (let k = 0; k <= nth; k++) i = HOSTILE.indexOf(needle, i + 1)
    if (i < 0) throw new Error(needle)
    return { start: i, end: i + needle.length }
  }
  const span = (needle: string, layer: string, label: string, attributes: Attributes = {}) => ({
    ...at(needle),
    layer,
    label,
    attributes,
  })
  const specs: SpanSpec[] = [
    span('said: "cafe\u0301 prices rose."', 'claim', 'Claim', {
      checkability: 'factual',
      verified: false,
      note: 'two\nlines',
    }),
    span('cafe\u0301 prices', 'claim', 'Déclaration', { verified: true }),
    span('AFP', 'source', 'Source', { kind: 'agence de presse', note: 'élan 😀' }),
    span('agency AFP\u00a0reported', 'source', 'Источник', { kind: 'news agency' }),
    span('🇺🇦 flags 🇫🇷', 'sentiment', 'Sentiment', { intensity: 2, score: -0.5 }),
    span('Page 1\fPage 2', 'claim', 'Claim'),
    span('line\u2028separator\u2029para', 'claim', 'Counter claim'),
    span('\n', 'sentiment', 'Sentiment'),
    span('claim here.\nLone', 'claim', 'Claim'),
    span('👩‍👩‍👧 family', 'source', 'Source'),
  ]
  const doc = makeDoc(
    'doc-hostile',
    HOSTILE,
    specs,
    [
      { from: 0, to: 2, attributes: { confidence: 'high', direct: true, weight: 0.75, note: 'n' } },
      { from: 1, to: 3, attributes: { direct: false } },
      { from: 5, to: 9 },
    ],
    { overall: ['positive', 'negative'] },
    'Titre: déclaration 😀',
  )
  doc.annotations.spans[2].entityId = 'e-afp'
  doc.annotations.spans[1].annotator = 'mia'
  doc.annotations.spans[1].updatedAt = '2024-06-01T08:30:00.000Z'
  return doc
}

describe('round trip of a hostile project through the five importable formats', () => {
  for (const format of FORMATS) {
    it(`${format}: the manifest declares exactly the losses the round trip shows`, () => {
      const { diffs, manifest } = roundTrip(format, [hostileDocument()])
      // SHOW_DIFFS=1 prints every difference and the manifest's losses.
      if (process.env.SHOW_DIFFS) console.log(format, diffs, manifest.losses)
      expect(diffs.filter((d) => d.kind === 'text' || d.kind.startsWith('extra'))).toEqual([])
      expect([...undeclared(diffs, manifest)]).toEqual([])
      expect(misdeclared(diffs, manifest)).toEqual([])
    })
  }
})

// ---------------------------------------------------------------------------------------------
// Generated projects

const PIECES = [
  'word',
  'Ab',
  ' ',
  '\u00a0',
  '\r\n',
  '\r',
  '\n',
  '\t',
  '\f',
  '\v',
  '\u0085',
  '\u2028',
  'e\u0301',
  '😀',
  '👍🏽',
  '👩‍👩‍👧',
  '🇫🇷',
  '🇺🇦',
  '中文',
  'مرحبا',
  'שלום',
  '.',
  '"',
  '<&>',
  "'",
  'ß',
]

/** Text as the document importer leaves it: CRLF and lone CR made LF. */
const arbText = fc
  .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 30 })
  .map((parts) => parts.join('').replace(/\r\n?/g, '\n'))

const arbAttrValue = {
  checkability: fc.constantFrom('factual', 'opinion', 'prediction'),
  verified: fc.boolean(),
  note: fc.constantFrom('a note', 'x: y', 'élan 😀', 'quote "q" <b>', '  spaced  ', '3', 'true'),
  kind: fc.constantFrom('person', 'news agency', 'agence de presse'),
  intensity: fc.integer({ min: 1, max: 3 }),
  score: fc.constantFrom(0.5, -2, 10, 3.25),
} as const

function arbAttributes(layer: string): fc.Arbitrary<Attributes> {
  const defs = schema.layers.find((l) => l.id === layer)!.attributes
  return fc.record(
    Object.fromEntries(
      defs.map((d) => [d.name, arbAttrValue[d.name as keyof typeof arbAttrValue]]),
    ),
    { requiredKeys: [] },
  ) as fc.Arbitrary<Attributes>
}

const LAYER_LABELS = schema.layers.flatMap((l) => l.labels.map((d) => [l.id, d.name] as const))

const arbDoc = fc
  .tuple(
    arbText,
    fc.array(fc.record({ a: fc.nat(), b: fc.nat(), which: fc.nat(), entity: fc.boolean() }), {
      maxLength: 8,
    }),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.nat(),
        fc.record(
          {
            confidence: fc.constantFrom('high', 'low'),
            direct: fc.boolean(),
            weight: fc
              .double({ noNaN: true, noDefaultInfinity: true })
              .filter((x) => !Object.is(x, -0)),
          },
          { requiredKeys: [] },
        ),
      ),
      { maxLength: 4 },
    ),
    fc.subarray(['positive', 'negative']),
    fc.array(fc.tuple(...schema.layers.map((l) => arbAttributes(l.id))), {
      minLength: 8,
      maxLength: 8,
    }),
  )
  .map(([text, seeds, relSeeds, labels, attrPool]) => {
    // Code-point boundaries, so no span splits a surrogate pair (the editor never makes one).
    const bounds = [0]
    for (const ch of text) bounds.push(bounds[bounds.length - 1] + ch.length)
    const specs: (SpanSpec & { entity: boolean })[] = []
    seeds.forEach((seed, i) => {
      let start = bounds[seed.a % bounds.length]
      let end = bounds[seed.b % bounds.length]
      if (start > end) [start, end] = [end, start]
      // Spans are snapped to non-space edges, as the editor makes them.
      while (start < end && /\s/.test(text[start])) start++
      while (end > start && /\s/.test(text[end - 1])) end--
      if (start >= end) return
      const [layer, label] = LAYER_LABELS[seed.which % LAYER_LABELS.length]
      const layerIndex = schema.layers.findIndex((l) => l.id === layer)
      specs.push({
        start,
        end,
        layer,
        label,
        attributes: attrPool[i][layerIndex],
        entity: seed.entity,
      })
    })
    const claims = specs.flatMap((s, i) => (s.layer === 'claim' ? [i] : []))
    const sources = specs.flatMap((s, i) => (s.layer === 'source' ? [i] : []))
    const relations =
      claims.length && sources.length
        ? relSeeds.map(([f, t, attributes]) => ({
            from: claims[f % claims.length],
            to: sources[t % sources.length],
            attributes: attributes,
          }))
        : []
    return { text, specs, relations, labels }
  })

describe('round trip of generated projects', () => {
  for (const format of FORMATS) {
    it(`${format}: nothing differs but declared losses`, () => {
      fc.assert(
        fc.property(fc.array(arbDoc, { minLength: 1, maxLength: 3 }), (docs) => {
          const files = docs.map((d, i) => {
            const file = makeDoc(
              `doc-${i}`,
              d.text,
              d.specs,
              d.relations,
              d.labels.length ? { overall: d.labels } : {},
              `Title ${i} 😀`,
            )
            file.annotations.spans.forEach((s, k) => {
              if (d.specs[k].entity && s.layer === 'source') s.entityId = 'e-afp'
            })
            return file
          })
          const { diffs, manifest } = roundTrip(format, files)
          expect(diffs.filter((d) => d.kind === 'text' || d.kind.startsWith('extra'))).toEqual([])
          expect([...undeclared(diffs, manifest)]).toEqual([])
        }),
        { numRuns: 40 },
      )
    })
  }
})
