// W3C Web Annotation: the bodies we write pass the MUST assertions of the W3C test suite
// (web-platform-tests annotation-model, bodyMusts.test), attribute values come back typed even
// into a project that does not define them, and the export's own manifest is not mistaken for data.
import { describe, expect, it } from 'vitest'
import { runImport } from '../../../../src/main/core/formats/importers'
import { w3cFormat } from '../../../../src/main/core/formats/w3c'
import { hasLoneSurrogate } from '../../../../src/main/core/storage/repair-quotes'
import type { AnnotationSchema } from '../../../../src/shared/model'
import { asText, makeDoc, makeInput, rangeOf, testSchema } from './fixtures'

type Json = Record<string, unknown>

// The model's motivations (section 3.3.5), the only values a body's purpose may take.
const MOTIVATIONS = new Set([
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
])
const isUri = (v: unknown) => typeof v === 'string' && /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(v)

/**
 * The body classes of the suite's definitions (bodyTarget.json, specificResource.json): a body is
 * exactly one of a URI string, an Embedded Textual Body (has a string `value`), a Specific Resource
 * (a URI `source`, with a purpose or selector) or an External Web Resource (an `id`, no `value`,
 * `source` or `target`).
 */
function bodyClasses(body: unknown): string[] {
  if (typeof body === 'string') return isUri(body) ? ['uri'] : []
  const b = body as Json
  const classes: string[] = []
  if (typeof b.value === 'string') classes.push('textual')
  if (isUri(b.source) && (b.purpose !== undefined || b.selector !== undefined))
    classes.push('specific')
  if (isUri(b.id) && !('value' in b) && !('source' in b) && !('target' in b)) classes.push('ewr')
  return classes
}

/** The MUST assertions of bodyMusts.test that apply to bodies like ours; returns the failures. */
function bodyMustFailures(annotation: Json): string[] {
  const failures: string[] = []
  const bodies = Array.isArray(annotation.body) ? annotation.body : [annotation.body]
  bodies.forEach((body, i) => {
    const at = `${String(annotation.id)} body ${i}`
    const classes = bodyClasses(body)
    if (classes.length !== 1) failures.push(`${at}: 3.2-bodyObjectsRecognized (${classes.join()})`)
    if (typeof body === 'string') return
    const b = body as Json
    // 3.3.5-bodyEWRNoPurpose, as the suite applies it: a body with an id is an External Web
    // Resource, and an External Web Resource has no purpose.
    if ('id' in b && 'purpose' in b) failures.push(`${at}: 3.3.5-bodyEWRNoPurpose`)
    if ('value' in b && 'source' in b) failures.push(`${at}: 4-bodyEmbeddedTextualNoSource`)
    if ('value' in b && 'items' in b) failures.push(`${at}: 3.2.7-bodyEmbeddedTextualNoItems`)
    if ('source' in b && 'value' in b) failures.push(`${at}: 4-bodySpecificResourceNoValue`)
    const purposes = b.purpose === undefined ? [] : [b.purpose].flat()
    for (const p of purposes) {
      if (typeof p !== 'string' || !MOTIVATIONS.has(p)) {
        failures.push(`${at}: purpose ${JSON.stringify(p)} not a motivation`)
      }
    }
  })
  return failures
}

const schema = testSchema()
const text = '🚀Launch notes from the pad at d TARGET was here, said the agency 👍🏽.'
const doc = makeDoc(
  'd1',
  text,
  [
    {
      ...rangeOf(text, 'TARGET was here'),
      layer: 'claim',
      label: 'Claim',
      attributes: { verified: true, checkability: 'factual', note: 'true' },
    },
    {
      ...rangeOf(text, 'the agency'),
      layer: 'source',
      label: 'Source',
      attributes: { kind: 'news agency' },
    },
    {
      ...rangeOf(text, 'Launch'),
      layer: 'sentiment',
      label: 'Sentiment',
      attributes: { intensity: 3, score: -2.5 },
    },
  ],
  [{ from: 0, to: 1, attributes: { confidence: 'high' } }],
  { overall: ['positive'] },
)
// A quote stored before context was cut on grapheme boundaries: half an emoji at its edge.
doc.annotations.spans[0].quote.prefix = '\uDE80Launch notes from the pad at d '
const output = w3cFormat.export(makeInput([doc]))
const collection = JSON.parse(asText(output.files.find((f) => f.path === 'd1.jsonld')!.data))
const items: Json[] = collection.first.items

describe('w3c export', () => {
  it('every annotation passes the body MUST assertions of the W3C test suite', () => {
    expect(items).toHaveLength(5)
    expect(items.flatMap(bodyMustFailures)).toEqual([])
    // What the assertion caught before: no body carries an id.
    expect(JSON.stringify(items.map((a) => a.body))).not.toMatch(/"id"/)
  })

  it('names the layer with a SpecificResource whose purpose is classifying', () => {
    expect((items[0].body as Json[])[1]).toEqual({
      type: 'SpecificResource',
      purpose: 'classifying',
      source: 'urn:marginalia:p1:layer:claim',
    })
  })

  it('cuts the TextQuoteSelector context on grapheme boundaries, whatever the stored quote holds', () => {
    expect(hasLoneSurrogate(doc.annotations.spans[0].quote.prefix)).toBe(true)
    for (const a of items.filter((x) => x.motivation === 'tagging')) {
      const quote = ((a.target as Json).selector as Json[])[0]
      expect(hasLoneSurrogate(String(quote.prefix))).toBe(false)
      expect(hasLoneSurrogate(String(quote.suffix))).toBe(false)
      expect(() =>
        new TextEncoder().encode(String(quote.prefix) + String(quote.suffix)),
      ).not.toThrow()
    }
    const first = ((items[0].target as Json).selector as Json[])[0]
    expect(first.prefix).toBe('Launch notes from the pad at d ')
  })
})

describe('w3c import', () => {
  const files = [
    ...output.files,
    { path: 'manifest.json', data: JSON.stringify(output.manifest, null, 2) },
  ]

  it("does not try to import the export's own manifest.json", () => {
    const result = runImport('w3c', { files }, schema)
    expect(result.problems).toEqual([])
    expect(result.documents).toHaveLength(1)
  })

  it('brings numbers and booleans back typed, into a schema that does not define them', () => {
    const bare: AnnotationSchema = {
      ...schema,
      layers: schema.layers.map((l) => ({ ...l, attributes: [] })),
      relationTypes: schema.relationTypes.map((t) => ({ ...t, attributes: [] })),
    }
    const result = runImport('w3c', { files }, bare)
    const spans = result.documents[0].annotations.spans
    expect(spans.map((s) => s.attributes)).toEqual([
      { verified: true, checkability: 'factual', note: 'true' },
      { kind: 'news agency' },
      { intensity: 3, score: -2.5 },
    ])
    expect(result.unknownLabels.filter((u) => u.kind === 'attribute')).toEqual([
      expect.objectContaining({ layer: 'claim', label: 'verified', valueType: 'boolean' }),
      expect.objectContaining({ layer: 'claim', label: 'checkability', valueType: 'text' }),
      expect.objectContaining({ layer: 'claim', label: 'note', valueType: 'text' }),
      expect.objectContaining({ layer: 'source', label: 'kind', valueType: 'text' }),
      expect.objectContaining({ layer: 'sentiment', label: 'intensity', valueType: 'number' }),
      expect.objectContaining({ layer: 'sentiment', label: 'score', valueType: 'number' }),
      expect.objectContaining({ layer: 'attributed_to', label: 'confidence', valueType: 'text' }),
    ])
  })

  it('an enum value that reads like a number or a boolean stays text', () => {
    const enums: AnnotationSchema = {
      ...schema,
      layers: [
        {
          ...schema.layers[0],
          attributes: [{ name: 'grade', type: 'enum', values: ['3', 'true', '"q"'] }],
        },
      ],
      relationTypes: [],
    }
    const d = makeDoc('d2', 'abc def ghi', [
      { start: 0, end: 3, layer: 'claim', label: 'Claim', attributes: { grade: '3' } },
      { start: 4, end: 7, layer: 'claim', label: 'Claim', attributes: { grade: 'true' } },
      { start: 8, end: 11, layer: 'claim', label: 'Claim', attributes: { grade: '"q"' } },
    ])
    const out = w3cFormat.export(makeInput([d], enums))
    const bare = { ...enums, layers: [{ ...enums.layers[0], attributes: [] }] }
    const result = runImport('w3c', { files: out.files }, bare)
    expect(result.documents[0].annotations.spans.map((s) => s.attributes.grade)).toEqual([
      '3',
      'true',
      '"q"',
    ])
  })

  it('still reads the layer from a body id, as earlier exports wrote it', () => {
    const old = structuredClone(collection)
    const bodies = old.first.items[0].body as Json[]
    bodies[1] = {
      id: 'urn:marginalia:p1:layer:claim',
      type: 'TextualBody',
      purpose: 'classifying',
      value: 'claim',
    }
    const result = runImport(
      'w3c',
      {
        files: [
          { path: 'd1.jsonld', data: JSON.stringify(old) },
          { path: 'd1.txt', data: text },
        ],
      },
      schema,
    )
    expect(result.documents[0].annotations.spans[0]).toMatchObject({
      layer: 'claim',
      label: 'Claim',
    })
  })
})

describe('w3c annotation layout', () => {
  it('writes the keys of each annotation in one order, with no creator when no one is named', () => {
    const anonymous = structuredClone(doc)
    anonymous.annotations.spans[1].annotator = ''
    anonymous.annotations.relations[0].annotator = ''
    const out = w3cFormat.export(makeInput([anonymous]))
    const text = asText(out.files.find((f) => f.path === 'd1.jsonld')!.data)
    const written: Json[] = JSON.parse(text).first.items
    const keys = (a: Json) => Object.keys(a).join(' ')
    const named = 'id type motivation creator created modified body target'
    expect(written.map(keys)).toEqual([
      named,
      'id type motivation created modified body target',
      named,
      'id type motivation created modified body target',
      'id type motivation body target',
    ])
    expect(written[0].creator).toEqual({ type: 'Person', name: 'ana' })
    const selectors = (written[0].target as { selector: Json[] }).selector
    expect(selectors.map(keys)).toEqual(['type exact prefix suffix', 'type start end'])
    // The relation's attribute body follows its type, as a span's follow its label and layer.
    expect(written[3].body).toEqual([
      { type: 'TextualBody', purpose: 'tagging', value: 'attributed_to' },
      { type: 'TextualBody', purpose: 'classifying', value: 'confidence: high' },
    ])
    // Compact JSON, with no whitespace between tokens (the indentation cost a third of the bytes).
    expect(text).toBe(JSON.stringify(JSON.parse(text)))
  })
})

describe('w3c bytes on hostile text', () => {
  it('writes exactly what JSON.stringify writes: separators raw, controls and lone surrogates escaped', () => {
    // Every character a JSON writer can get wrong: U+2028/U+2029/U+0085 (raw in JSON.stringify,
    // escaped in JSON Lines), form feed, lone CR, quotes and backslashes, DEL, ZWJ sequences,
    // flags, combining marks, RTL, and a lone surrogate in an attribute.
    const hostile =
      'Line\u2028sep\u2029para\u0085next\fform\rCR "q" back\\slash \u007f ' +
      '👩‍👩‍👧 🇺🇦 cafe\u0301 שלום עולם end.'
    const d = makeDoc(
      'h1',
      hostile,
      [
        {
          ...rangeOf(hostile, 'sep\u2029para'),
          layer: 'claim',
          label: 'Claim',
          attributes: { note: 'x\ud800y "n"\u2028\\', checkability: 'factual', verified: false },
        },
        {
          ...rangeOf(hostile, '👩‍👩‍👧 🇺🇦 cafe\u0301'),
          layer: 'source',
          label: 'Source',
          attributes: { note: 'שלום\u0085\f' },
        },
        { ...rangeOf(hostile, 'back\\slash'), layer: 'sentiment', label: 'Sentiment' },
      ],
      [{ from: 0, to: 1, attributes: { confidence: 'low' } }],
      { overall: ['negative'] },
      'Title\u2028with "quotes" \\ and 🇺🇦',
    )
    d.annotations.spans[0].annotator = 'ana\u2028"\\'
    // Two documents: the writer moves from one file to the next with nothing carried over.
    const out = w3cFormat.export(makeInput([d, doc]))
    const written = asText(out.files.find((f) => f.path === 'h1.jsonld')!.data)
    expect(written).toBe(JSON.stringify(JSON.parse(written)))
    const next = asText(out.files.find((f) => f.path === 'd1.jsonld')!.data)
    expect(JSON.parse(next)).toEqual(collection)
    expect(next).toBe(JSON.stringify(collection))
    expect(written).toContain('\u2028')
    expect(written).not.toContain('\\u2028')
    const parsed = JSON.parse(written)
    expect(parsed.label).toBe('Title\u2028with "quotes" \\ and 🇺🇦')
    expect(parsed.total).toBe(5)
    const [first, second] = parsed.first.items as Json[]
    expect(first.creator).toEqual({ type: 'Person', name: 'ana\u2028"\\' })
    expect((first.body as Json[]).map((b) => b.value)).toContain('note: x\ud800y "n"\u2028\\')
    const exact = (a: Json) => ((a.target as Json).selector as Json[])[0].exact
    expect(exact(first)).toBe('sep\u2029para')
    expect(exact(second)).toBe('👩‍👩‍👧 🇺🇦 cafe\u0301')
  })

  it('escapes a lone surrogate where it is the only character to escape', () => {
    // A string with nothing else to escape is written between quotes without JSON.stringify; a
    // lone surrogate must still be escaped as JSON.stringify escapes it (written raw, it would
    // reach the file as U+FFFD), in an attribute, a title, an annotator, a quote's context.
    const halves = 'one \udc00 two \ud83d three 🚀 four.'
    const d = makeDoc(
      'h2',
      halves,
      [
        {
          ...rangeOf(halves, 'three'),
          layer: 'claim',
          label: 'Claim',
          attributes: { note: 'alone \ud800 here' },
        },
      ],
      [],
      {},
      'Half \udbff title',
    )
    d.annotations.spans[0].annotator = 'ana \udfff'
    const out = w3cFormat.export(makeInput([d]))
    const written = asText(out.files.find((f) => f.path === 'h2.jsonld')!.data)
    expect(written).toBe(JSON.stringify(JSON.parse(written)))
    for (const escaped of ['\\udc00', '\\ud83d', '\\ud800', '\\udbff', '\\udfff']) {
      expect(written).toContain(escaped)
    }
    expect(written).toContain('🚀')
    const parsed = JSON.parse(written)
    expect(parsed.label).toBe('Half \udbff title')
    const [span] = parsed.first.items as Json[]
    expect((span.body as Json[]).map((b) => b.value)).toContain('note: alone \ud800 here')
    expect(span.creator).toEqual({ type: 'Person', name: 'ana \udfff' })
  })
})
