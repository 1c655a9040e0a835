import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import {
  BRAT_DOCUMENTS_FILE,
  readBratDocuments,
} from '../../../../src/main/core/formats/brat-documents'
import { bratFormat, fragments } from '../../../../src/main/core/formats/brat-export'
import { PY_LINE_BREAK } from '../../../../src/shared/python-chars'
import {
  BRAT_NAME,
  bratWord,
  nameCommentLines,
  readBratNames,
} from '../../../../src/main/core/formats/brat-names'
import { runImport } from '../../../../src/main/core/formats/importers'
import { bratNamesFixture } from './brat-fixture'
import { asText, makeDoc, makeInput, rangeOf } from './fixtures'

const text = 'Alpha said\nthe thing.\nBeta agency\n'
const doc = makeDoc(
  'd1',
  text,
  [
    {
      ...rangeOf(text, 'said\nthe thing'),
      layer: 'claim',
      label: 'Counter claim',
      attributes: { checkability: 'opinion', verified: true, note: 'line one\nline two' },
    },
    {
      ...rangeOf(text, 'Beta agency'),
      layer: 'source',
      label: 'Source',
      attributes: { kind: 'news agency', note: 'wire' },
    },
    { ...rangeOf(text, 'Alpha'), layer: 'claim', label: 'Claim', attributes: { verified: false } },
    {
      ...rangeOf(text, 'thing.\n'),
      layer: 'sentiment',
      label: 'Sentiment',
      attributes: { intensity: 2 },
    },
  ],
  [{ from: 0, to: 1, attributes: { confidence: 'high' } }],
  { overall: ['positive'] },
)
const out = bratFormat.export(makeInput([doc]))
const file = (path: string) => asText(out.files.find((f) => f.path === path)!.data)

describe('brat export', () => {
  it('writes T, A, R and # lines, splitting spans at line breaks', () => {
    const ann = file('d1.ann').trim().split('\n')
    expect(ann).toContain('T1\tCounter_claim 6 10;11 20\tsaid the thing')
    expect(ann).toContain('A1\tcheckability T1 opinion')
    expect(ann).toContain('A2\tverified T1')
    expect(ann).toContain('#1\tAnnotatorNotes T1\tline one line two')
    expect(ann).toContain('A3\tkind T2 news_agency')
    expect(ann).toContain('R1\tattributed_to Arg1:T1 Arg2:T2')
    expect(ann).toContain('A5\tconfidence R1 high')
    expect(ann.some((l) => /verified T3/.test(l))).toBe(false)
  })

  it('names every loss in the manifest with its count', () => {
    const losses = Object.fromEntries(out.manifest.losses.map((l) => [l.what, l.count]))
    expect(losses).toEqual({
      'line breaks in notes': 1,
      'false boolean attributes': 1,
      'line breaks at span edges': 1,
      'document labels': 1,
      'document titles and metadata': 1,
      'annotator names': 5,
      timestamps: 5,
      // brat numbers its annotations T1…, R1… anew: our ids are not kept.
      'span ids': 4,
      'relation ids': 1,
    })
    expect(out.manifest.counts).toEqual({ documents: 1, spans: 4, relations: 1 })
  })

  it('generates annotation.conf from the schema, allowing overlaps', () => {
    const conf = file('annotation.conf')
    expect(conf).toMatch(/\[entities\]\n!claim\n\tClaim\n\tCounter_claim\n!source\n\tSource/)
    expect(conf).toContain('<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>')
    expect(conf).toContain('attributed_to\tArg1:Claim|Counter_claim, Arg2:Source')
    expect(conf).toContain(
      'checkability\tArg:Claim|Counter_claim, Value:factual|opinion|prediction',
    )
    expect(conf).toContain('verified\tArg:Claim|Counter_claim\n')
    expect(conf).toContain('intensity\tArg:Sentiment, Value:1|2|3')
    expect(conf).toContain('kind\tArg:Source, Value:person|news_agency')
  })

  it('writes one zip with the same files when asked', () => {
    const zipped = bratFormat.export({ ...makeInput([doc]), options: { zip: true } })
    expect(zipped.files.map((f) => f.path)).toEqual(['brat.zip'])
    const entries = unzipSync(zipped.files[0].data as Uint8Array)
    expect(Object.keys(entries).sort()).toEqual([
      'annotation.conf',
      'd1.ann',
      'd1.txt',
      'marginalia-documents.json',
      'visual.conf',
    ])
    expect(new TextDecoder().decode(entries['d1.ann'])).toBe(file('d1.ann'))
  })

  it('imports from the zip, joining fragments and mapping names back to the schema', () => {
    const zipped = bratFormat.export({ ...makeInput([doc]), options: { zip: true } })
    const result = runImport(
      'brat',
      { files: [{ path: 'brat.zip', data: zipped.files[0].data }] },
      makeInput([]).project.schema,
    )
    const spans = result.documents[0].annotations.spans
    expect(spans.map((s) => [s.label, s.quote.exact, s.attributes])).toEqual([
      [
        'Counter claim',
        'said\nthe thing',
        { checkability: 'opinion', verified: true, note: 'line one line two' },
      ],
      ['Source', 'Beta agency', { kind: 'news agency', note: 'wire' }],
      ['Claim', 'Alpha', {}],
      ['Sentiment', 'thing.', { intensity: 2 }],
    ])
    expect(result.documents[0].annotations.relations[0].attributes).toEqual({ confidence: 'high' })
  })

  it('reports brat lines it cannot read, naming the file', () => {
    const result = runImport(
      'brat',
      {
        files: [
          { path: 'x/a.txt', data: 'one two three' },
          {
            path: 'x/a.ann',
            data: 'T1\tThing 0 3;8 13\tone three\nT2\tThing 4 99\ttwo\nE1\tEvent:T1\nT3\tThing 0 3\tone',
          },
        ],
      },
      makeInput([]).project.schema,
    )
    expect(result.problems.map((p) => p.file)).toEqual(['x/a.ann', 'x/a.ann', 'x/a.ann'])
    expect(result.problems.map((p) => p.message).join('\n')).toMatch(
      /T1 is discontinuous[\s\S]*T2 range 4 99[\s\S]*1 event/,
    )
    expect(result.documents[0].annotations.spans).toHaveLength(1)
    expect(result.unknownLabels).toEqual([
      { kind: 'span', layer: 'thing', label: 'Thing', count: 1 },
    ])
  })
})

/** Python's str.splitlines(), which brat's reader uses on .ann files. */
const pySplitLines = (text: string) =>
  text
    // eslint-disable-next-line no-control-regex -- these characters are the point
    .split(/\r\n|[\n\v\f\r\u001c-\u001e\u0085\u2028\u2029]/)
    .filter((l, i, all) => i < all.length - 1 || l)

describe('brat export of line breaks other than \\n', () => {
  const breaks = ['\f', '\v', '\u001c', '\u001d', '\u001e', '\u0085', '\u2028', '\u2029', '\r']

  it.each(breaks.map((b) => [`U+${b.codePointAt(0)!.toString(16).padStart(4, '0')}`, b]))(
    'splits a span into fragments at %s, never inside the covered text or a note',
    (_name, lineBreak) => {
      const text = `Page 1${lineBreak}Page 2 said it.`
      const d = makeDoc('d1', text, [
        {
          start: 5,
          end: 13,
          layer: 'claim',
          label: 'Claim',
          attributes: { note: `a${lineBreak}b` },
        },
      ])
      const result = bratFormat.export(makeInput([d]))
      const ann = asText(result.files.find((f) => f.path === 'd1.ann')!.data)
      expect(pySplitLines(ann)).toEqual([
        'T1\tClaim 5 6;7 13\t1 Page 2',
        '#1\tAnnotatorNotes T1\ta b',
      ])
      const losses = Object.fromEntries(result.manifest.losses.map((l) => [l.what, l.count]))
      expect(losses['line breaks other than \\n in the text']).toBe(1)
      expect(losses['line breaks in notes']).toBe(1)
    },
  )

  it('counts a CRLF as its one CR, and keeps the .txt exactly as the text', () => {
    const text = 'One\r\nTwo\u2028three'
    const d = makeDoc('d1', text, [{ start: 0, end: text.length, layer: 'claim', label: 'Claim' }])
    const result = bratFormat.export(makeInput([d]))
    expect(asText(result.files.find((f) => f.path === 'd1.txt')!.data)).toBe(text)
    const ann = asText(result.files.find((f) => f.path === 'd1.ann')!.data)
    expect(pySplitLines(ann)).toEqual(['T1\tClaim 0 3;5 8;9 14\tOne Two three'])
    expect(
      result.manifest.losses.find((l) => l.what === 'line breaks other than \\n in the text')
        ?.count,
    ).toBe(2)
  })
})

describe('brat names and titles', () => {
  const { schema, doc: d } = bratNamesFixture('d1')
  const result = bratFormat.export(makeInput([d], schema))
  const file = (path: string) => asText(result.files.find((f) => f.path === path)!.data)

  it("writes only names in brat's grammar, and the mapping as comments in annotation.conf", () => {
    const conf = file('annotation.conf')
    const body = conf.split('\n').filter((l) => l && !l.startsWith('#') && !l.startsWith('['))
    for (const line of body) {
      const name = line.trim().replace(/^!/, '').split('\t')[0]
      if (name !== '<OVERLAP>') expect(name).toMatch(BRAT_NAME)
    }
    const ann = file('d1.ann')
    expect(ann).toContain('T1\tDeclaration ')
    expect(ann).toContain('T2\tu4E2D_u6587_claim ')
    expect(ann).toContain('T3\tsource_Claim ')
    expect(ann).toContain('A1\tcheckability T1 fact_check_2')
    const names = readBratNames(conf)
    expect(names).toContainEqual({
      kind: 'label',
      owner: 'claim',
      name: 'Déclaration',
      written: 'Declaration',
    })
    expect(names).toContainEqual({
      kind: 'value',
      owner: 'checkability',
      name: 'fact check',
      written: 'fact_check_2',
    })
    // Every type of the .ann is named by the mapping, and maps back to its label.
    const written = new Map(names.map((n) => [`${n.kind}:${n.written}`, n]))
    expect(written.get('label:source_Claim')).toMatchObject({ owner: 'source', name: 'Claim' })
  })

  it('lists the renamed names in the manifest', () => {
    expect(result.manifest.renamed).toContainEqual({
      kind: 'label',
      owner: 'claim',
      name: '中文 claim',
      written: 'u4E2D_u6587_claim',
    })
    expect(result.manifest.renamed!.every((r) => r.name !== r.written)).toBe(true)
  })

  it('shows the original names and the colours in visual.conf', () => {
    const visual = file('visual.conf')
    expect(visual).toContain('Declaration | Déclaration\n')
    expect(visual).toContain('Declaration\tbgColor:#2563eb\n')
    expect(visual).toContain('source_Claim\tbgColor:#d97706\n')
  })

  it('keeps titles and metadata in a sidecar an importer can read', () => {
    const docs = readBratDocuments(file(BRAT_DOCUMENTS_FILE))
    expect(docs.get('d1')).toEqual({
      file: 'd1',
      id: 'd1',
      title: 'Un titre: «Déclaration»',
      metadata: { url: 'https://example.org/a' },
    })
    expect(() => readBratDocuments('{"format":"other"}')).toThrow(/not a marginalia-brat-documents/)
  })

  it('maps free text to brat words deterministically', () => {
    expect(bratWord('Déclaration')).toBe('Declaration')
    expect(bratWord('Counter claim')).toBe('Counter_claim')
    expect(bratWord('中文')).toBe('u4E2D_u6587')
    expect(bratWord('!!')).toBe('_')
    expect(nameCommentLines([{ kind: 'label', name: 'a\u2028b', written: 'a_b' }])[0]).toBe(
      '# marginalia-name {"kind":"label","name":"a\\u2028b","written":"a_b"}',
    )
  })
})

describe('brat fragments', () => {
  it('cuts at a character exactly when Python ends a line at it, for every UTF-16 unit', () => {
    const wrong: number[] = []
    for (let unit = 0; unit <= 0xffff; unit++) {
      const c = String.fromCharCode(unit)
      const expected = PY_LINE_BREAK.test(c)
        ? [
            [0, 1],
            [2, 3],
          ]
        : [[0, 3]]
      if (JSON.stringify(fragments(`a${c}b`, 0, 3)) !== JSON.stringify(expected)) wrong.push(unit)
    }
    expect(wrong).toEqual([])
  })
})
