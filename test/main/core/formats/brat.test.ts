import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { bratFormat } from '../../../../src/main/core/formats/brat'
import { runImport } from '../../../../src/main/core/formats/importers'
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
    const zipped = bratFormat.export({ ...makeInput([doc]), options: { zip: true } } as never)
    expect(zipped.files.map((f) => f.path)).toEqual(['brat.zip'])
    const entries = unzipSync(zipped.files[0].data as Uint8Array)
    expect(Object.keys(entries).sort()).toEqual(['annotation.conf', 'd1.ann', 'd1.txt'])
    expect(new TextDecoder().decode(entries['d1.ann'])).toBe(file('d1.ann'))
  })

  it('imports from the zip, joining fragments and mapping names back to the schema', () => {
    const zipped = bratFormat.export({ ...makeInput([doc]), options: { zip: true } } as never)
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
