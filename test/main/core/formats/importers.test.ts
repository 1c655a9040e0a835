import { describe, expect, it } from 'vitest'
import {
  getImportFormat,
  resolveUnknownLabels,
  runImport,
} from '../../../../src/main/core/formats/importers'
import { zAnnotationSchema, zAnnotations } from '../../../../src/shared/model'
import { pySlice, testSchema } from './fixtures'

const schema = testSchema()

describe('import of foreign files', () => {
  it('doccano: code-point offsets on CRLF text become UTF-16 offsets on LF text', () => {
    const text = '😀 One\r\nTwo 👍🏽 Three'
    const cp = (needle: string) => {
      const start = Array.from(text.slice(0, text.indexOf(needle))).length
      return [start, start + Array.from(needle).length]
    }
    expect(pySlice(text, cp('Three')[0], cp('Three')[1])).toBe('Three')
    const line = JSON.stringify({
      text,
      label: [
        [...cp('Three'), 'Claim'],
        [...cp('One\r\nTwo'), 'PERSON'],
      ],
    })
    const result = runImport('doccano', { files: [{ path: 'a.jsonl', data: line }] }, schema)
    const { document, annotations } = result.documents[0]
    expect(document.text).toBe('😀 One\nTwo 👍🏽 Three')
    expect(annotations.spans.map((s) => document.text.slice(s.start, s.end))).toEqual([
      'Three',
      'One\nTwo',
    ])
    expect(annotations.spans.map((s) => [s.layer, s.label])).toEqual([
      ['claim', 'Claim'],
      ['person', 'PERSON'],
    ])
    expect(result.unknownLabels).toEqual([
      { kind: 'span', layer: 'person', label: 'PERSON', count: 1 },
    ])
    expect(document.blocks).toEqual([
      { type: 'paragraph', start: 0, end: 6 },
      { type: 'paragraph', start: 7, end: document.text.length },
    ])
  })

  it('label-studio: a region whose offsets drifted (UTF-16 from an old version) is re-anchored by its text and reported', () => {
    const text = '😀😀 then Reuters said'
    const start = text.indexOf('Reuters') // UTF-16, i.e. 2 too many in code points
    const task = {
      id: 7,
      data: { text },
      annotations: [
        {
          result: [
            {
              id: 'r1',
              from_name: 'source',
              to_name: 'text',
              type: 'labels',
              value: { start, end: start + 7, text: 'Reuters', labels: ['Source'] },
            },
            {
              id: 'r1',
              from_name: 'source.kind',
              to_name: 'text',
              type: 'choices',
              value: { choices: ['news agency'] },
            },
            {
              id: 'r2',
              from_name: 'label',
              to_name: 'text',
              type: 'labels',
              value: { start: 0, end: 1, text: 'nope', labels: ['Claim'] },
            },
          ],
        },
      ],
    }
    const result = runImport(
      'label-studio',
      { files: [{ path: 'tasks.json', data: JSON.stringify([task]) }] },
      schema,
    )
    const [span] = result.documents[0].annotations.spans
    expect([span.start, span.end, span.attributes]).toEqual([
      start,
      start + 7,
      { kind: 'news agency' },
    ])
    expect(result.problems).toEqual([
      {
        file: 'tasks.json: task 7',
        message: expect.stringMatching(
          /^region r1: offsets 10–17 did not select its text; re-anchored by that text$/,
        ),
      },
      {
        file: 'tasks.json: task 7',
        message: expect.stringMatching(/region r2: text "nope" not found/),
      },
    ])
  })

  it('w3c: needs the text beside the annotations, and says so', () => {
    const result = runImport(
      'w3c',
      { files: [{ path: 'x/d1.jsonld', data: '{"type":"AnnotationCollection"}' }] },
      schema,
    )
    expect(result.problems).toEqual([
      { file: 'x/d1.jsonld', message: expect.stringMatching(/no d1\.txt/) },
    ])
  })

  it('names the file and line of broken JSON, and unknown formats', () => {
    expect(() =>
      runImport(
        'doccano',
        { files: [{ path: 'bad.jsonl', data: '{"text": "a"}\n{oops' }] },
        schema,
      ),
    ).toThrow(/bad\.jsonl: line 2: not valid JSON/)
    expect(() =>
      runImport('brat', { files: [{ path: 'a.zip', data: 'not a zip' }] }, schema),
    ).toThrow(/a\.zip: not a readable zip file/)
    expect(() => getImportFormat('conll')).toThrow(
      /unknown import format "conll" \(known: jsonl, doccano, label-studio, brat, w3c\)/,
    )
  })
})

describe('unknown labels', () => {
  const lines = [
    {
      text: 'Alpha beta gamma',
      entities: [
        { id: 1, start_offset: 0, end_offset: 5, label: 'PERSON' },
        { id: 2, start_offset: 6, end_offset: 10, label: 'Source' },
      ],
      relations: [{ id: 1, from_id: 1, to_id: 2, type: 'quotes' }],
      marginalia: {
        spanAttributes: { 2: { mood: 'odd', kind: 'person' } },
        docLabels: { topic: ['economy'] },
      },
    },
  ]
  const result = runImport(
    'doccano',
    { files: [{ path: 'a.jsonl', data: lines.map((l) => JSON.stringify(l)).join('\n') }] },
    schema,
  )

  it('are listed with their kind, layer and count', () => {
    expect(result.unknownLabels).toEqual([
      { kind: 'span', layer: 'person', label: 'PERSON', count: 1 },
      { kind: 'attribute', layer: 'source', label: 'mood', count: 1, valueType: 'text' },
      { kind: 'relation', layer: 'quotes', label: 'quotes', count: 1 },
      { kind: 'docLabel', layer: 'topic', label: 'economy', count: 1 },
    ])
  })

  it('--add-labels: extends the schema so every imported annotation is valid', () => {
    const added = resolveUnknownLabels(result, schema, 'add')
    expect(zAnnotationSchema.parse(added.schema)).toBeTruthy()
    expect(added.schema.layers.find((l) => l.id === 'person')?.labels).toEqual([{ name: 'PERSON' }])
    expect(added.schema.layers.find((l) => l.id === 'source')?.attributes).toContainEqual({
      name: 'mood',
      type: 'text',
    })
    expect(added.schema.relationTypes.find((t) => t.id === 'quotes')).toMatchObject({
      name: 'quotes',
    })
    expect(added.schema.labelSets.find((s) => s.id === 'topic')?.values).toEqual(['economy'])
    expect(added.result.documents[0].annotations.spans).toHaveLength(2)
    expect(schema.layers.some((l) => l.id === 'person')).toBe(false) // the input schema is untouched
  })

  it('--skip-unknown: drops what the schema does not know, and relations that lose an end', () => {
    const skipped = resolveUnknownLabels(result, schema, 'skip')
    const annotations = zAnnotations.parse(skipped.result.documents[0].annotations)
    expect(annotations.spans.map((s) => [s.label, s.attributes])).toEqual([
      ['Source', { kind: 'person' }],
    ])
    expect(annotations.relations).toEqual([])
    expect(annotations.docLabels).toEqual({})
    expect(skipped.schema).toBe(schema)
    expect(skipped.result.unknownLabels).toEqual([])
  })
})
