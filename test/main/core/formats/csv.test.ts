import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { csvFormat } from '../../../../src/main/core/formats/csv'
import { getExportFormat } from '../../../../src/main/core/formats'
import { exportDocuments } from '../../../../src/main/core/formats/checked'
import type { DocumentFile, ProjectFile } from '../../../../src/shared/model'
import { TRICKY_SOURCE, TRICKY_SPANS, docWithSpans, projectFile } from './native-fixture'

type Input = { project: ProjectFile; documents: DocumentFile[]; options?: Record<string, unknown> }

/** Runs the CSV export as the runner does (documents checked first). */
function run(input: Input) {
  const out = exportDocuments(csvFormat, input.project, input.documents, input.options)
  expect(out.files).toHaveLength(1)
  const data = out.files[0].data as string
  // An independent RFC 4180 parser reads it back.
  const rows = parse<Record<string, string>>(data, {
    bom: true,
    columns: true,
    record_delimiter: '\r\n',
  })
  return { data, rows, manifest: out.manifest }
}

describe('CSV export', () => {
  it('is registered under "csv" and states code-point offsets', () => {
    expect(getExportFormat('csv')).toBe(csvFormat)
    const { manifest } = run({ project: projectFile(), documents: [] })
    expect(manifest.offsetUnit).toBe('codepoint')
    expect(csvFormat.offsetUnit).toBe('codepoint')
  })

  it('has one column per attribute, in schema order, then entity, relations and annotator', () => {
    const { data } = run({ project: projectFile(), documents: [] })
    expect(data).toBe(
      '\uFEFFdocument_id,document_title,span_id,layer,label,text,start,end,' +
        'checkability,note,kind,polarity,intensity,entity,relations,annotator\r\n',
    )
  })

  it('gives code-point offsets that select each span, with emoji, accents and CRLF source text', () => {
    const doc = docWithSpans('d1', TRICKY_SOURCE, TRICKY_SPANS)
    const { rows } = run({ project: projectFile(), documents: [doc] })
    const codePoints = [...doc.document.text]
    expect(rows.map((r) => r.span_id)).toEqual(TRICKY_SPANS.map((s) => s.id))
    for (const [i, row] of rows.entries()) {
      expect(row.text).toBe(TRICKY_SPANS[i].find)
      expect(codePoints.slice(Number(row.start), Number(row.end)).join('')).toBe(row.text)
    }
    // After "😀" code points and UTF-16 units differ: the claim starts one earlier in code points.
    const claim = rows.find((r) => r.span_id === 's-claim')!
    expect(Number(claim.start)).toBe(doc.annotations.spans[1].start - 3) // 😀 and 🇫🇷 (two)
  })

  it('quotes commas, quotes and line breaks per RFC 4180 and keeps non-ASCII intact', () => {
    const doc = docWithSpans('d1', TRICKY_SOURCE, TRICKY_SPANS)
    const { data, rows } = run({ project: projectFile(), documents: [doc] })
    expect(data.startsWith('\uFEFF')).toBe(true) // so Excel reads UTF-8
    expect(data).toContain(',"disagreed, ""loudly"","') // quoted, inner quotes doubled
    expect(data).toContain(',"a, ""quoted""\nnote",') // a line break inside a field is quoted
    // Every record ends with CRLF; the only bare LF is the one inside the quoted note.
    expect(data.endsWith('\r\n')).toBe(true)
    expect(data.replace(/\r\n/g, '').split('\n')).toHaveLength(2)
    const claim = rows.find((r) => r.span_id === 's-claim')!
    expect(claim).toMatchObject({
      document_id: 'd1',
      document_title: 'Headline 😀 with emoji',
      layer: 'claim',
      label: 'Claim',
      text: 'said the cafe\u0301 would close',
      checkability: 'factual',
      note: 'a, "quoted"\nnote',
      kind: '',
      annotator: 'ana',
    })
    // A line break alone (no comma or quote) must be quoted too.
    const lines = docWithSpans('d2', 'Line one\nline two', [
      { id: 's1', layer: 'claim', label: 'Claim', find: 'one\nline' },
    ])
    const broken = run({ project: projectFile(), documents: [lines] })
    expect(broken.data).toContain(',"one\nline",')
    expect(broken.rows[0].text).toBe('one\nline')
    expect(rows.find((r) => r.span_id === 's-emoji')!).toMatchObject({
      polarity: 'positive',
      intensity: '2',
    })
  })

  it('prefixes formula-like cells with an apostrophe and counts them, unless turned off', () => {
    const doc = docWithSpans('d1', 'Prices: =SUM(A1) and +1 and -2 and @x.', [
      { id: 's1', layer: 'claim', label: 'Claim', find: '=SUM(A1)' },
      {
        id: 's2',
        layer: 'claim',
        label: 'Claim',
        find: 'and +1',
        attributes: { note: '-see below' },
      },
    ])
    const escaped = run({ project: projectFile(), documents: [doc] })
    expect(escaped.rows.map((r) => r.text)).toEqual(["'=SUM(A1)", 'and +1'])
    expect(escaped.rows[1].note).toBe("'-see below")
    expect(escaped.manifest.losses).toContainEqual(
      expect.objectContaining({ what: "cells prefixed with '", count: 2 }),
    )
    const plain = run({
      project: projectFile(),
      documents: [doc],
      options: { escapeFormulas: false },
    })
    expect(plain.rows.map((r) => r.text)).toEqual(['=SUM(A1)', 'and +1'])
    expect(plain.manifest.losses.map((l) => l.what)).toEqual(['timestamps'])
  })

  it('keeps attributes no longer in the schema, renames clashing ones, and names entities', () => {
    const doc = docWithSpans('d1', 'Putin spoke.', [
      {
        id: 's1',
        layer: 'source',
        label: 'Source',
        find: 'Putin',
        attributes: { legacy: true, text: 'x' },
        entityId: 'e1',
      },
    ])
    const project = projectFile({
      entities: [{ id: 'e1', name: 'Vladimir Putin', kind: 'person', aliases: [], note: '' }],
    })
    const { rows } = run({ project, documents: [doc] })
    expect(rows[0]).toMatchObject({
      text: 'Putin',
      legacy: 'true',
      attr_text: 'x',
      entity: 'Vladimir Putin',
    })
  })

  it('reports a span whose offsets do not select its quote instead of writing it', () => {
    const doc = docWithSpans(
      'd1',
      'Putin said the talks went well.',
      [
        { id: 's1', layer: 'claim', label: 'Claim', find: 'the talks went well' },
        { id: 's2', layer: 'source', label: 'Source', find: 'Putin' },
      ],
      [{ id: 'r1', type: 'attributed_to', from: 's1', to: 's2' }],
    )
    doc.annotations.spans[0].quote.exact = 'the talks went badly'
    const { rows, manifest } = run({ project: projectFile(), documents: [doc] })
    expect(rows.map((r) => r.span_id)).toEqual(['s2'])
    expect(manifest.counts).toEqual({ documents: 1, spans: 1, relations: 0 })
    expect(manifest.problems[0]).toMatchObject({ file: expect.stringContaining('d1') })
    expect(manifest.problems[0].message).toMatch(/span s1 left out: .*the talks went badly/)
    expect(manifest.problems[1].message).toMatch(/relation r1 left out/)
  })

  it('carries each relation as JSON on its from-span row; document labels and times are lost', () => {
    const doc = docWithSpans(
      'd1',
      'Putin said the talks went well.',
      [
        { id: 's1', layer: 'claim', label: 'Claim', find: 'the talks went well' },
        { id: 's2', layer: 'source', label: 'Source', find: 'Putin' },
      ],
      [{ id: 'r1', type: 'attributed_to', from: 's1', to: 's2' }],
    )
    doc.annotations.relations[0].attributes = { stance: 'asserts' }
    doc.annotations.docLabels = { overall_sentiment: ['positive'] }
    const { manifest, rows } = run({ project: projectFile(), documents: [doc] })
    const claim = rows.find((r) => r.span_id === 's1')!
    expect(JSON.parse(claim.relations)).toEqual([
      { id: 'r1', type: 'attributed_to', to: 's2', attributes: { stance: 'asserts' } },
    ])
    expect(rows.find((r) => r.span_id === 's2')!.relations).toBe('')
    expect(manifest.counts.relations).toBe(1)
    expect(manifest.losses).toEqual([
      expect.objectContaining({ what: 'document labels', count: 1 }),
      expect.objectContaining({ what: 'timestamps', count: 3 }),
    ])
  })
})
