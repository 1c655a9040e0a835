// Export then import gives back the same spans (offsets, layer, label, attributes), relations and
// document labels, for every format that can hold them, over generated documents with emoji,
// combining marks, CJK, CRLF-imported text and overlapping spans. Where a format documents a
// loss (brat: false booleans, document labels; Label Studio: relation attributes), the expected
// value drops exactly that, and the manifest must say so.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { exportFormats } from '../../../../src/main/core/formats'
import { runImport } from '../../../../src/main/core/formats/importers'
import type { ImportFile } from '../../../../src/main/core/formats/import-types'
import type { Attributes, DocumentFile, Span } from '../../../../src/shared/model'
import { makeDoc, makeInput, testSchema, type SpanSpec } from './fixtures'

const PIECES = [
  'word',
  'Ab',
  ' ',
  ' ',
  '\r\n',
  '\n',
  'e\u0301',
  '😀',
  '👍🏽',
  '中文',
  '.',
  ',',
  '"',
  '<&>',
  "'",
  '\t',
  'ß',
  '🇫🇷',
]

const schema = testSchema()

/** Text as the document importer leaves it: CRLF turned into LF. */
const arbText = fc
  .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 30 })
  .map((parts) => parts.join('').replace(/\r\n/g, '\n'))

const arbAttrValue = {
  checkability: fc.constantFrom('factual', 'opinion', 'prediction'),
  verified: fc.boolean(),
  note: fc.constantFrom('a note', 'x: y', 'élan 😀', 'quote "q" <b>', '  spaced  '),
  kind: fc.constantFrom('person', 'news agency'),
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

const arbSpanSeed = fc.record({
  a: fc.nat(),
  b: fc.nat(),
  layerLabel: fc.constantFrom(
    ['claim', 'Claim'],
    ['claim', 'Counter claim'],
    ['source', 'Source'],
    ['sentiment', 'Sentiment'],
  ),
  attrSeed: fc.nat(),
})

const arbDoc = fc
  .tuple(
    arbText,
    fc.array(arbSpanSeed, { maxLength: 8 }),
    fc.array(fc.tuple(fc.nat(), fc.nat(), fc.option(fc.constantFrom('high', 'low'))), {
      maxLength: 4,
    }),
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
    const specs: SpanSpec[] = []
    seeds.forEach((seed, i) => {
      let start = bounds[seed.a % bounds.length]
      let end = bounds[seed.b % bounds.length]
      if (start > end) [start, end] = [end, start]
      // Spans are snapped to non-space edges, as the editor makes them.
      while (start < end && /\s/.test(text[start])) start++
      while (end > start && /\s/.test(text[end - 1])) end--
      if (start >= end) return
      const [layer, label] = seed.layerLabel as readonly string[]
      const layerIndex = schema.layers.findIndex((l) => l.id === layer)
      specs.push({ start, end, layer, label, attributes: attrPool[i][layerIndex] })
    })
    const claims = specs.flatMap((s, i) => (s.layer === 'claim' ? [i] : []))
    const sources = specs.flatMap((s, i) => (s.layer === 'source' ? [i] : []))
    const relations =
      claims.length && sources.length
        ? relSeeds.map(([f, t, c]) => {
            const attributes: Attributes = c ? { confidence: c } : {}
            return { from: claims[f % claims.length], to: sources[t % sources.length], attributes }
          })
        : []
    return { text, specs, relations, labels }
  })

interface Capabilities {
  relationAttributes: boolean
  falseBooleans: boolean
  docLabels: boolean
  title: boolean
}

const FORMATS: Record<string, Capabilities> = {
  jsonl: { relationAttributes: true, falseBooleans: true, docLabels: true, title: true },
  doccano: { relationAttributes: true, falseBooleans: true, docLabels: true, title: true },
  'label-studio': { relationAttributes: false, falseBooleans: true, docLabels: true, title: true },
  brat: { relationAttributes: true, falseBooleans: false, docLabels: false, title: false },
  w3c: { relationAttributes: true, falseBooleans: true, docLabels: true, title: true },
}

function attrsKey(attributes: Attributes, caps: Capabilities): string {
  const kept = Object.entries(attributes)
    .filter(([, v]) => caps.falseBooleans || v !== false)
    .sort(([a], [b]) => a.localeCompare(b))
  return JSON.stringify(kept)
}

function spanKey(s: Span): string {
  return `${s.start}-${s.end} ${s.layer}/${s.label}`
}

/** A comparable summary of one document's annotations under a format's capabilities. */
function summary(file: { annotations: DocumentFile['annotations'] }, caps: Capabilities) {
  const { spans, relations, docLabels } = file.annotations
  const byId = new Map(spans.map((s) => [s.id, s]))
  return {
    spans: spans.map((s) => `${spanKey(s)} ${attrsKey(s.attributes, caps)}`).sort(),
    relations: relations
      .map(
        (r) =>
          `${spanKey(byId.get(r.from)!)} -> ${spanKey(byId.get(r.to)!)} ${r.type} ${
            caps.relationAttributes ? attrsKey(r.attributes, caps) : ''
          }`,
      )
      .sort(),
    docLabels: caps.docLabels
      ? Object.fromEntries(Object.entries(docLabels).filter(([, v]) => v.length > 0))
      : {},
  }
}

function toImportFiles(files: { path: string; data: string | Uint8Array }[]): ImportFile[] {
  return files.map((f) => ({ path: `export/${f.path}`, data: f.data }))
}

describe('export → import round trip', () => {
  for (const [format, caps] of Object.entries(FORMATS)) {
    it(`${format}: gives back the same spans, relations and attributes`, () => {
      fc.assert(
        fc.property(fc.array(arbDoc, { minLength: 1, maxLength: 3 }), (docs) => {
          const files = docs.map((d, i) =>
            makeDoc(
              `doc-${i}`,
              d.text,
              d.specs,
              d.relations,
              d.labels.length ? { overall: d.labels } : {},
            ),
          )
          const input = makeInput(files, schema)
          const output = exportFormats[format].export(input)
          expect(output.manifest.problems).toEqual([])
          const result = runImport(format, { files: toImportFiles(output.files) }, schema)
          expect(result.problems).toEqual([])
          expect(result.unknownLabels).toEqual([])
          expect(result.documents).toHaveLength(files.length)
          // Documents come back in export order, except brat, which reads its files by name.
          const imported = [...result.documents].sort((a, b) =>
            caps.title ? 0 : a.document.title.localeCompare(b.document.title),
          )
          files.forEach((file, i) => {
            const back = imported[i]
            expect(back.document.text).toBe(file.document.text)
            if (caps.title) expect(back.document.title).toBe(file.document.title)
            expect(summary(back, caps)).toEqual(summary(file, caps))
            for (const s of back.annotations.spans) {
              expect(back.document.text.slice(s.start, s.end)).toBe(s.quote.exact)
            }
          })
          // What the format cannot hold is named in the manifest, with a count.
          const lost = (what: string) =>
            output.manifest.losses.find((l) => l.what === what)?.count ?? 0
          const falseBooleans = files
            .flatMap((f) => f.annotations.spans)
            .filter((s) => s.attributes.verified === false).length
          if (!caps.falseBooleans) expect(lost('false boolean attributes')).toBe(falseBooleans)
          const relAttrs = files
            .flatMap((f) => f.annotations.relations)
            .filter((r) => Object.keys(r.attributes).length).length
          if (!caps.relationAttributes) expect(lost('relation attributes')).toBe(relAttrs)
        }),
        { numRuns: 60 },
      )
    })
  }
})
