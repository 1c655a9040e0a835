// Each record of a foreign file is checked where it comes in: a bad one is left out with a problem
// naming the input file and line, and the rest of the file (and of the document) is kept. Bytes
// that are not UTF-8 are refused, naming the file and the byte.
import { describe, expect, it } from 'vitest'
import { doccanoFormat } from '../../../../src/main/core/formats/doccano'
import { runImport } from '../../../../src/main/core/formats/importers'
import { MAX_FILE_BYTES } from '../../../../src/shared/limits'
import type { AnnotationSchema } from '../../../../src/shared/model'
import { makeDoc, makeInput, rangeOf, testSchema } from './fixtures'

const schema = testSchema()
const jsonl = (...lines: unknown[]) => lines.map((l) => JSON.stringify(l)).join('\n')
const spansOf = (result: ReturnType<typeof runImport>, doc = 0) =>
  result.documents[doc].annotations.spans.map((s) => [
    s.layer,
    s.label,
    result.documents[doc].document.text.slice(s.start, s.end),
  ])

describe('records of the wrong shape', () => {
  it('doccano: a number as label, layer or relation type leaves out that record only, naming file and line', () => {
    const data = jsonl(
      {
        text: 'Alpha beta gamma',
        label: [
          [0, 5, 42],
          [6, 10, 'Claim'],
        ],
      },
      {
        text: 'Delta said epsilon',
        entities: [
          { id: 1, start_offset: 0, end_offset: 5, label: 'Source' },
          { id: 2, start_offset: 11, end_offset: 18, label: 'Claim' },
          { id: 3, start_offset: 6, end_offset: 10, label: 'Claim' },
        ],
        relations: [
          { id: 1, from_id: 2, to_id: 1, type: 7 },
          { id: 2, from_id: 3, to_id: 1, type: 'attributed_to' },
        ],
        marginalia: { layers: { 3: 5 } },
      },
    )
    const result = runImport('doccano', { files: [{ path: 'in/a.jsonl', data }] }, schema)
    expect(spansOf(result, 0)).toEqual([['claim', 'Claim', 'beta']])
    expect(spansOf(result, 1)).toEqual([
      ['source', 'Source', 'Delta'],
      ['claim', 'Claim', 'epsilon'],
    ])
    expect(result.documents[1].annotations.relations).toEqual([])
    expect(result.problems).toEqual([
      { file: 'in/a.jsonl:1', message: 'entity 0: label 42 is not a label name; left out' },
      { file: 'in/a.jsonl:2', message: 'entity 3: layer 5 is not a layer name; left out' },
      { file: 'in/a.jsonl:2', message: 'relation 1: type 7 is not a relation type; skipped' },
      { file: 'in/a.jsonl:2', message: 'relation 2: an end is missing; skipped' },
    ])
    expect(result.unknownLabels).toEqual([])
  })

  it('native JSONL: a self-link, a span splitting a surrogate pair and an unknown entity are left out alone', () => {
    const text = 'Kim 🚀 said the launch went well.'
    const rocket = text.indexOf('🚀')
    const claim = rangeOf(text, 'the launch went well')
    const source = rangeOf(text, 'Kim')
    const span = (id: string, layer: string, label: string, r: { start: number; end: number }) => ({
      id,
      layer,
      label,
      start: r.start,
      end: r.end,
      text: text.slice(r.start, r.end),
      attributes: {},
    })
    const line = {
      id: 'd1',
      text,
      spans: [
        span('s1', 'claim', 'Claim', claim),
        { ...span('s2', 'source', 'Source', { start: rocket + 1, end: rocket + 8 }) },
        { ...span('s3', 'source', 'Source', source), entity_id: 'e-nowhere' },
      ],
      relations: [
        { id: 'r1', type: 'attributed_to', from: 's1', to: 's1', attributes: {} },
        { id: 'r2', type: 'attributed_to', from: 's1', to: 's3', attributes: {} },
        { id: 'r3', type: 'attributed_to', from: 's3', to: 's1', attributes: {} },
      ],
      doc_labels: { overall: 'positive' },
      entities: [],
    }
    const result = runImport(
      'jsonl',
      { files: [{ path: 'data.jsonl', data: jsonl(line) }] },
      schema,
    )
    const { annotations } = result.documents[0]
    expect(annotations.spans.map((s) => [s.id, s.entityId])).toEqual([
      ['s1', undefined],
      ['s3', undefined],
    ])
    expect(annotations.relations.map((r) => r.id)).toEqual(['r2'])
    expect(annotations.docLabels).toEqual({ overall: ['positive'] })
    const problems = result.problems.map((p) => `${p.file} ${p.message}`)
    expect(problems).toEqual([
      expect.stringMatching(/^data\.jsonl:1 span s2: .*splits a character/),
      'data.jsonl:1 span s3: entity "e-nowhere" is neither in the project nor in the file; link left out',
      'data.jsonl:1 relation r1: links a span to itself; skipped',
      'data.jsonl:1 relation r3: "attributed_to" does not link layer "source" to layer "claim"; skipped',
    ])
  })

  it('an attribute value outside its enum or range is left out, and the span kept', () => {
    const data = jsonl({
      text: 'Alpha beta',
      entities: [{ id: 0, start_offset: 0, end_offset: 5, label: 'Sentiment' }],
      marginalia: { layers: { 0: 'sentiment' }, spanAttributes: { 0: { intensity: 9, score: 2 } } },
    })
    const result = runImport('doccano', { files: [{ path: 'a.jsonl', data }] }, schema)
    expect(result.documents[0].annotations.spans[0].attributes).toEqual({ score: 2 })
    expect(result.problems).toEqual([
      { file: 'a.jsonl:1', message: 'attribute intensity = 9: 9 is above the maximum 3; left out' },
    ])
  })

  it('a document label set that holds one value keeps the first', () => {
    const single: AnnotationSchema = {
      ...schema,
      labelSets: [{ id: 'overall', name: 'Overall', values: ['a', 'b'], multiple: false }],
    }
    const data = jsonl({ text: 'x', spans: [], doc_labels: { overall: ['a', 'b'] } })
    const result = runImport('jsonl', { files: [{ path: 'a.jsonl', data }] }, single)
    expect(result.documents[0].annotations.docLabels).toEqual({ overall: ['a'] })
    expect(result.problems[0].message).toMatch(/overall: holds one value, so "b" is left out/)
  })

  it('a text over the document size limit is not imported, and says so', () => {
    const data = jsonl({ text: 'a'.repeat(MAX_FILE_BYTES + 1), label: [] }, { text: 'small' })
    const result = runImport('doccano', { files: [{ path: 'big.jsonl', data }] }, schema)
    expect(result.documents.map((d) => d.document.text)).toEqual(['small'])
    expect(result.problems).toEqual([
      { file: 'big.jsonl:1', message: "the document's text is larger than 50 MB; not imported" },
    ])
  })
})

describe('quote context', () => {
  it("never holds half a character, whatever the importer (the issue's doccano record)", () => {
    const text = '🚀Launch notes from the pad at d TARGET was here.'
    const inputs = {
      doccano: [{ path: 'a.jsonl', data: jsonl({ text, label: [[32, 38, 'Claim']] }) }],
      brat: [
        { path: 'a.txt', data: text },
        { path: 'a.ann', data: 'T1\tClaim 32 38\tTARGET\n' },
      ],
      'label-studio': [
        {
          path: 't.json',
          data: JSON.stringify({
            data: { text },
            annotations: [
              {
                result: [
                  {
                    id: 'r',
                    from_name: 'claim',
                    type: 'labels',
                    value: { start: 32, end: 38, text: 'TARGET', labels: ['Claim'] },
                  },
                ],
              },
            ],
          }),
        },
      ],
    }
    for (const [format, files] of Object.entries(inputs)) {
      const [span] = runImport(format, { files }, schema).documents[0].annotations.spans
      expect(span.quote).toEqual({
        exact: 'TARGET',
        prefix: 'Launch notes from the pad at d ',
        suffix: ' was here.',
      })
    }
  })
})

describe('bytes that are not UTF-8', () => {
  const bad = (prefix: string) =>
    new Uint8Array([...new TextEncoder().encode(prefix), 0xff, ...new TextEncoder().encode('"}')])

  for (const [format, path] of [
    ['doccano', 'data.jsonl'],
    ['jsonl', 'data.jsonl'],
    ['label-studio', 'tasks.json'],
  ] as const) {
    it(`${format}: refused, naming the file and the first bad byte`, () => {
      const data = bad('{"text": "caf')
      expect(() => runImport(format, { files: [{ path, data }] }, schema)).toThrow(
        `${path}: is not valid UTF-8 (first bad byte at offset 13); save it as UTF-8`,
      )
    })
  }

  it('brat: a .txt that is not UTF-8 is refused too, and a BOM is not text', () => {
    const txt = bad('Alpha "')
    expect(() => runImport('brat', { files: [{ path: 'b/a.txt', data: txt }] }, schema)).toThrow(
      /b\/a\.txt: is not valid UTF-8 \(first bad byte at offset 7\)/,
    )
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Alpha beta')])
    const result = runImport(
      'brat',
      {
        files: [
          { path: 'b/a.txt', data: bom },
          { path: 'b/a.ann', data: 'T1\tClaim 6 10\tbeta\n' },
        ],
      },
      schema,
    )
    expect(spansOf(result)).toEqual([['claim', 'Claim', 'beta']])
  })
})

describe('our own layer/label encoding', () => {
  // Two layers share the label "Claim", so doccano writes it `layer/label`.
  const shared: AnnotationSchema = {
    ...schema,
    layers: [
      ...schema.layers,
      { ...schema.layers[0], id: 'quoted', name: 'Quoted', labels: [{ name: 'Claim' }] },
    ],
  }
  const text = 'One claim here, and a quoted claim there.'
  const doc = makeDoc('d1', text, [
    { ...rangeOf(text, 'One claim here'), layer: 'claim', label: 'Claim' },
    { ...rangeOf(text, 'a quoted claim there'), layer: 'quoted', label: 'Claim' },
  ])
  const exported = doccanoFormat.export(makeInput([doc], shared)).files[0].data as string

  it('doccano: what we export imports back into the same schema, with or without our extra key', () => {
    expect(exported).toContain('"claim/Claim"')
    const plain = exported.replace(/,"marginalia":\{.*\}\}$/m, '}')
    expect(plain).not.toContain('marginalia')
    for (const data of [exported, plain]) {
      const result = runImport('doccano', { files: [{ path: 'd.jsonl', data }] }, shared)
      expect(result.unknownLabels).toEqual([])
      expect(spansOf(result)).toEqual([
        ['claim', 'Claim', 'One claim here'],
        ['quoted', 'Claim', 'a quoted claim there'],
      ])
    }
  })

  it('a label with a slash whose first part is no layer (a URL) stays whole', () => {
    const data = jsonl({ text: 'see it', label: [[0, 3, 'https://example.org/a']] })
    const result = runImport('doccano', { files: [{ path: 'u.jsonl', data }] }, schema)
    expect(result.unknownLabels).toEqual([
      { kind: 'span', layer: 'https_example_org_a', label: 'https://example.org/a', count: 1 },
    ])
  })
})
