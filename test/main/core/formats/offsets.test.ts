// Each format's offsets, read the way its Python consumer reads them (`text[start:end]` over code
// points), select exactly the span's text, on a text with emoji, a skin-tone modifier, combining
// marks, CJK and line breaks that came from CRLF. The unit is stated in the manifest (and in the
// file where the format has a place for it).
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { exportFormats } from '../../../../src/main/core/formats'
import { TRICKY_TEXT, asText, makeDoc, makeInput, pySlice, rangeOf } from './fixtures'

const text = TRICKY_TEXT
const quotes = ['😀 said', 'cafe\u0301 prices', '👍🏽 agency AFP', '中文 claim', 'rose."\nThe']
const doc = makeDoc(
  'd1',
  text,
  quotes.map((q, i) => ({
    ...rangeOf(text, q),
    layer: i === 2 ? 'source' : 'claim',
    label: i === 2 ? 'Source' : 'Claim',
  })),
  [{ from: 0, to: 2 }],
)
const input = makeInput([doc])
const exportOf = (name: string) => exportFormats[name].export(input)
const fileOf = (name: string, path: string) => {
  const f = exportOf(name).files.find((x) => x.path === path)
  if (!f) throw new Error(`${name} wrote no ${path}`)
  return asText(f.data)
}

describe('exported offsets under each format’s unit', () => {
  it('the tricky text really differs between UTF-16 and code points', () => {
    const { start } = rangeOf(text, '中文')
    expect(Array.from(text.slice(0, start)).length).toBeLessThan(start)
  })

  it('every code-point format says so in its manifest', () => {
    for (const name of [
      'doccano',
      'label-studio',
      'brat',
      'w3c',
      'conll',
      'spacy',
      'qdpx',
      'xlsx',
    ]) {
      expect(exportOf(name).manifest.offsetUnit, name).toBe('codepoint')
    }
  })

  it('doccano: text[start:end] is each quote', () => {
    const record = JSON.parse(fileOf('doccano', 'doccano.jsonl'))
    expect(
      record.entities.map((e: { start_offset: number; end_offset: number }) =>
        pySlice(record.text, e.start_offset, e.end_offset),
      ),
    ).toEqual(quotes)
    expect(record.relations).toEqual([{ id: 0, from_id: 0, to_id: 2, type: 'attributed_to' }])
  })

  it('doccano: the plain label form when nothing has relations', () => {
    const plain = makeDoc('d2', text, [
      { ...rangeOf(text, '中文'), layer: 'claim', label: 'Claim' },
    ])
    const out = exportFormats.doccano.export(makeInput([plain]))
    const record = JSON.parse(asText(out.files[0].data))
    expect(record.entities).toBeUndefined()
    expect(record.label).toHaveLength(1)
    const [s, e, label] = record.label[0]
    expect([pySlice(record.text, s, e), label]).toEqual(['中文', 'Claim'])
  })

  it('label-studio: value.start/end select value.text; relation results link region ids', () => {
    const [task] = JSON.parse(fileOf('label-studio', 'label-studio.json'))
    const regions = task.annotations[0].result.filter((r: { type: string }) => r.type === 'labels')
    for (const r of regions)
      expect(pySlice(task.data.text, r.value.start, r.value.end)).toBe(r.value.text)
    expect(regions.map((r: { value: { text: string } }) => r.value.text)).toEqual(quotes)
    const relation = task.annotations[0].result.find((r: { type: string }) => r.type === 'relation')
    expect([relation.from_id, relation.to_id]).toEqual([
      doc.annotations.spans[0].id,
      doc.annotations.spans[2].id,
    ])
  })

  it('brat: each T fragment selects its text in the .txt; spans over a line break become fragments', () => {
    const txt = fileOf('brat', 'd1.txt')
    const ann = fileOf('brat', 'd1.ann').trim().split('\n')
    const tLines = ann.filter((l) => l.startsWith('T'))
    expect(tLines).toHaveLength(quotes.length)
    for (const line of tLines) {
      const [, body, written] = line.split('\t')
      const frags = body
        .split(' ')
        .slice(1)
        .join(' ')
        .split(';')
        .map((f) => f.split(' ').map(Number))
      expect(frags.map(([s, e]) => pySlice(txt, s, e)).join(' ')).toBe(written)
    }
    const multiLine = tLines[4].split('\t')[1]
    expect(multiLine.split(';')).toHaveLength(2)
    expect(ann).toContain('R1\tattributed_to Arg1:T1 Arg2:T3')
  })

  it('w3c: TextPositionSelector selects the TextQuoteSelector exact', () => {
    const collection = JSON.parse(fileOf('w3c', 'd1.jsonld'))
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld')
    const items = collection.first.items.filter(
      (a: { motivation: string }) => a.motivation === 'tagging',
    )
    for (const a of items) {
      const [quote, position] = a.target.selector
      expect(pySlice(text, position.start, position.end)).toBe(quote.exact)
    }
    expect(
      items.map((a: { target: { selector: { exact: string }[] } }) => a.target.selector[0].exact),
    ).toEqual(quotes)
    const link = collection.first.items.find(
      (a: { motivation: string }) => a.motivation === 'linking',
    )
    expect(link.target).toEqual([items[0].id, items[2].id])
  })

  it('spacy: span start/end and token offsets select text in code points', () => {
    const record = JSON.parse(fileOf('spacy', 'spacy.jsonl'))
    for (const t of record.tokens) expect(pySlice(record.text, t.start, t.end)).toBe(t.text)
    expect(
      record.spans.map((s: { start: number; end: number }) => pySlice(record.text, s.start, s.end)),
    ).toEqual(quotes)
    for (const s of record.spans) {
      expect(record.tokens[s.token_start].start).toBe(s.start)
      expect(record.tokens[s.token_end].end).toBe(s.end)
    }
    expect(record.relations[0]).toMatchObject({
      label: 'attributed_to',
      head: record.spans[0].token_end,
      child: record.spans[2].token_end,
    })
  })

  it('qdpx: PlainTextSelection positions select the quote in the source text', () => {
    const zip = unzipSync(exportOf('qdpx').files[0].data as Uint8Array)
    const qde = new TextDecoder().decode(zip['project.qde'])
    const source = Object.keys(zip).find((p) => p.startsWith('Sources/'))!
    const plain = new TextDecoder().decode(zip[source])
    const positions = [...qde.matchAll(/startPosition="(\d+)" endPosition="(\d+)"/g)].map((m) =>
      pySlice(plain, +m[1], +m[2]),
    )
    expect(positions).toEqual(quotes)
  })

  it('xlsx: start/end columns select the text column', () => {
    const zip = unzipSync(exportOf('xlsx').files[0].data as Uint8Array)
    const sheet = new TextDecoder().decode(zip['xl/worksheets/sheet1.xml'])
    const rows = [...sheet.matchAll(/<row r="(\d+)">([\s\S]*?)<\/row>/g)].slice(1)
    const unescape = (s: string) =>
      s
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&')
    for (const [, , row] of rows) {
      const cell = (col: string) =>
        new RegExp(`<c r="${col}\\d+"[^>]*>(?:<v>([^<]*)</v>|<is><t[^>]*>([^<]*)</t></is>)`).exec(
          row,
        )!
      const quote = unescape(cell('F')[2])
      expect(pySlice(text, Number(cell('G')[1]), Number(cell('H')[1]))).toBe(quote)
    }
    expect(rows).toHaveLength(4) // four claims on the Claim sheet
  })
})
