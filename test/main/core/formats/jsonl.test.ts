import { describe, expect, it } from 'vitest'
import { exportFormats, getExportFormat } from '../../../../src/main/core/formats'
import { runImport } from '../../../../src/main/core/formats/importers'
import { exportDocuments } from '../../../../src/main/core/formats/checked'
import { jsonlFormat, toJsonLine, type JsonlLine } from '../../../../src/main/core/formats/jsonl'
import { parseOptionPairs } from '../../../../src/shared/export-options'
import { jsonlLineJsonSchema } from '../../../../src/shared/json-schemas'
import { TRICKY_SOURCE, TRICKY_SPANS, docWithSpans, projectFile } from './native-fixture'

function run(
  documents: ReturnType<typeof docWithSpans>[],
  project = projectFile(),
  options?: Record<string, unknown>,
) {
  const out = exportDocuments(jsonlFormat, project, documents, options)
  expect(out.files).toHaveLength(1)
  const data = out.files[0].data as string
  expect(data.endsWith('\n')).toBe(true)
  const lines = data
    .slice(0, -1)
    .split('\n')
    .map((l) => JSON.parse(l) as JsonlLine)
  return { lines, manifest: out.manifest, data }
}

describe('native JSONL export', () => {
  it('is registered under "jsonl" and states UTF-16 offsets', () => {
    expect(getExportFormat('jsonl')).toBe(jsonlFormat)
    expect(exportFormats.jsonl.offsetUnit).toBe('utf16')
    expect(() => getExportFormat('nope')).toThrow('unknown export format "nope" (known: jsonl, csv')
    expect(() => getExportFormat('constructor')).toThrow(/unknown export format/)
  })

  it('gives offsets that select each span in the exported text, with emoji, accents and CRLF', () => {
    const doc = docWithSpans('d1', TRICKY_SOURCE, TRICKY_SPANS)
    const { lines, manifest } = run([doc])
    expect(manifest.offsetUnit).toBe('utf16')
    expect(lines).toHaveLength(1)
    const [line] = lines
    expect(line.offset_unit).toBe('utf16')
    expect(line.text).not.toContain('\r')
    expect(line.text.startsWith('Headline')).toBe(true)
    expect(line.spans.map((s) => s.id)).toEqual(TRICKY_SPANS.map((s) => s.id))
    for (const [i, span] of line.spans.entries()) {
      expect(line.text.slice(span.start, span.end)).toBe(span.text)
      expect(span.text).toBe(TRICKY_SPANS[i].find)
    }
    // The unit matters: the first span starts after one astral character, so units differ.
    const emoji = line.spans[0]
    expect(emoji.start).toBe('Headline '.length)
    expect([...line.text].slice(emoji.start, emoji.end).join('')).not.toBe(emoji.text)
  })

  it('writes one line per document with metadata, attributes, relations, labels and entities', () => {
    const doc = docWithSpans(
      'd1',
      'Putin said the talks went well.',
      [
        {
          id: 's1',
          layer: 'claim',
          label: 'Claim',
          find: 'the talks went well',
          attributes: { checkability: 'opinion' },
        },
        { id: 's2', layer: 'source', label: 'Source', find: 'Putin', entityId: 'e-putin' },
      ],
      [{ id: 'r1', type: 'attributed_to', from: 's1', to: 's2' }],
    )
    doc.annotations.docLabels = { overall_sentiment: ['positive'] }
    const other = docWithSpans('d2', 'Second\u2028document with a line separator.', [])
    const putin = {
      id: 'e-putin',
      name: 'Vladimir Putin',
      kind: 'person',
      aliases: ['Putin'],
      note: '',
    }
    const { lines, manifest, data } = run([doc, other], projectFile({ entities: [putin] }))
    // U+2028 is escaped, since Python's str.splitlines() would break the line on it.
    expect(data).not.toContain('\u2028')
    expect(data).toContain('Second\\u2028document')
    expect(lines.map((l) => l.id)).toEqual(['d1', 'd2'])
    expect(lines[1].text).toBe('Second\u2028document with a line separator.')
    const [line] = lines
    expect(line.title).toBe('Putin said the talks went well.')
    expect(line.metadata).toEqual({ importedFrom: 'd1.txt' })
    expect(line.spans[0]).toMatchObject({
      id: 's1',
      layer: 'claim',
      label: 'Claim',
      attributes: { checkability: 'opinion' },
      annotator: 'ana',
    })
    expect(line.spans[0]).not.toHaveProperty('entity_id')
    expect(line.spans[1].entity_id).toBe('e-putin')
    expect(line.relations).toEqual([
      expect.objectContaining({
        id: 'r1',
        type: 'attributed_to',
        from: 's1',
        to: 's2',
        attributes: {},
      }),
    ])
    expect(line.doc_labels).toEqual({ overall_sentiment: ['positive'] })
    expect(line.entities).toEqual([putin])
    expect(lines[1].entities).toEqual([])
    expect(manifest).toMatchObject({
      format: 'jsonl',
      counts: { documents: 2, spans: 2, relations: 1 },
      losses: [],
      problems: [],
    })
  })

  it('leaves out a span whose offsets do not select its quote, and its relations, and says so', () => {
    const doc = docWithSpans(
      'd1',
      'Putin said the talks went well.',
      [
        { id: 's1', layer: 'claim', label: 'Claim', find: 'the talks went well' },
        { id: 's2', layer: 'source', label: 'Source', find: 'Putin' },
        { id: 's3', layer: 'sentiment', label: 'Sentiment', find: 'well' },
      ],
      [{ id: 'r1', type: 'attributed_to', from: 's1', to: 's2' }],
    )
    doc.annotations.spans[1].start += 1 // now selects "utin " — not its quote "Putin"
    const { lines, manifest } = run([doc])
    expect(lines[0].spans.map((s) => s.id)).toEqual(['s1', 's3'])
    expect(lines[0].relations).toEqual([])
    expect(manifest.counts).toEqual({ documents: 1, spans: 2, relations: 0 })
    expect(manifest.problems).toHaveLength(2)
    expect(manifest.problems[0].file).toContain('d1')
    expect(manifest.problems[0].message).toMatch(/span s2 left out/)
    expect(manifest.problems[1].message).toMatch(/relation r1 left out/)
  })

  it('writes code-point offsets with offsetUnit=codepoint, saying so on every line and in the manifest', () => {
    expect(parseOptionPairs('jsonl', ['offsetUnit=codepoint'])).toEqual({ offsetUnit: 'codepoint' })
    expect(() => parseOptionPairs('jsonl', ['offsetUnit=bytes'])).toThrow(/option offsetUnit/)
    const doc = docWithSpans('d1', TRICKY_SOURCE, TRICKY_SPANS)
    const { lines, manifest } = run([doc], projectFile(), { offsetUnit: 'codepoint' })
    expect(manifest.offsetUnit).toBe('codepoint')
    const [line] = lines
    expect(line.offset_unit).toBe('codepoint')
    const points = [...line.text]
    for (const span of line.spans) {
      expect(points.slice(span.start, span.end).join('')).toBe(span.text)
    }
    // After an astral character the units differ: the code-point offset is the smaller one.
    const utf16 = run([doc]).lines[0].spans
    expect(line.spans[1].start).toBeLessThan(utf16[1].start)
  })

  it('reads back into Marginalia from either unit with the same spans', () => {
    const doc = docWithSpans('d1', TRICKY_SOURCE, TRICKY_SPANS)
    const schema = projectFile().schema
    const spansOf = (data: string) =>
      runImport(
        'jsonl',
        { files: [{ path: 'x.jsonl', data }] },
        schema,
      ).documents[0].annotations.spans.map((s) => [s.start, s.end, s.quote.exact, s.layer, s.label])
    const utf16 = run([doc]).data
    const codepoint = run([doc], projectFile(), { offsetUnit: 'codepoint' }).data
    expect(spansOf(codepoint)).toEqual(spansOf(utf16))
    expect(spansOf(utf16)).toEqual(
      doc.annotations.spans.map((s) => [s.start, s.end, s.quote.exact, s.layer, s.label]),
    )
  })

  it("puts the project's annotation schema and the line's JSON Schema in the manifest", () => {
    const project = projectFile()
    const { manifest } = run([docWithSpans('d1', 'Some text.', [])], project)
    expect(manifest.annotationSchema).toEqual(project.schema)
    expect(manifest.lineSchema).toEqual(jsonlLineJsonSchema())
    expect(manifest.lineSchema?.$id).toBe('urn:marginalia:schema:jsonl-line:2')
  })
})

describe('toJsonLine', () => {
  it.each([
    ['U+0085', '\u0085', '\\u0085'],
    ['U+2028', '\u2028', '\\u2028'],
    ['U+2029', '\u2029', '\\u2029'],
  ])(
    'escapes %s, which line splitters break on, alone or among the others',
    (_name, c, escaped) => {
      expect(toJsonLine({ a: `x${c}y` })).toBe(`{"a":"x${escaped}y"}`)
      expect(JSON.parse(toJsonLine([c, '\u2028\u0085\u2029', c]))).toEqual([
        c,
        '\u2028\u0085\u2029',
        c,
      ])
      expect(toJsonLine([c, 'ok'])).not.toMatch(/[\u0085\u2028\u2029]/)
    },
  )

  it('leaves a line without them as JSON.stringify wrote it', () => {
    const value = { text: 'café 😀 \n "q"', n: 1 }
    expect(toJsonLine(value)).toBe(JSON.stringify(value))
  })
})
