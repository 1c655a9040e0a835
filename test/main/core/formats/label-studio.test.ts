// The Label Studio tasks file as a JSON reader sees it: exactly JSON.stringify(tasks, null, 1)
// (the writer builds it a task at a time), and one result per attribute whose type follows the
// schema, or the value's own type for an attribute the schema does not have.
import { describe, expect, it } from 'vitest'
import { exportDocuments } from '../../../../src/main/core/formats/checked'
import { labelStudioFormat } from '../../../../src/main/core/formats/label-studio'
import { TRICKY_SOURCE, TRICKY_SPANS, docWithSpans, projectFile } from './native-fixture'
import { asText } from './fixtures'

function tasksOf(documents: ReturnType<typeof docWithSpans>[]) {
  const out = exportDocuments(labelStudioFormat, projectFile(), documents)
  const file = out.files.find((f) => f.path === 'label-studio.json')!
  return asText(file.data)
}

describe('Label Studio export', () => {
  const spans = [
    ...TRICKY_SPANS,
    {
      id: 's-extra',
      layer: 'claim',
      label: 'Claim',
      find: 'Tuesday',
      attributes: { gone: 'kept as text', flag: true, count: 3 },
    },
  ]
  const docs = [docWithSpans('d1', TRICKY_SOURCE, spans), docWithSpans('d2', 'No spans here.', [])]

  it('writes the tasks exactly as JSON.stringify(tasks, null, 1) lays them out', () => {
    const text = tasksOf(docs)
    expect(text).toBe(JSON.stringify(JSON.parse(text), null, 1))
    expect(tasksOf([])).toBe('[]')
  })

  it('types each attribute result by the schema, else by its value', () => {
    const [task] = JSON.parse(tasksOf(docs)) as { annotations: { result: object[] }[] }[]
    const results = task.annotations[0].result as { id?: string; type: string }[]
    const of = (id: string) =>
      results.filter((r) => r.id === id && r.type !== 'labels').map((r) => JSON.stringify(r))
    const at = (r: { id?: string }) => results.find((x) => x.id === r.id && x.type === 'labels')
    const place = (id: string) => {
      const { start, end } = (at({ id }) as unknown as { value: { start: number; end: number } })
        .value
      return `"start":${start},"end":${end}`
    }
    expect(of('s-emoji')).toEqual([
      `{"id":"s-emoji","from_name":"sentiment.polarity","to_name":"text","type":"choices","value":{${place('s-emoji')},"choices":["positive"]}}`,
      `{"id":"s-emoji","from_name":"sentiment.intensity","to_name":"text","type":"number","value":{${place('s-emoji')},"number":2}}`,
    ])
    expect(of('s-claim')[1]).toBe(
      `{"id":"s-claim","from_name":"claim.note","to_name":"text","type":"textarea","value":{${place('s-claim')},"text":["a, \\"quoted\\"\\nnote"]}}`,
    )
    expect(of('s-extra')).toEqual([
      `{"id":"s-extra","from_name":"claim.gone","to_name":"text","type":"textarea","value":{${place('s-extra')},"text":["kept as text"]}}`,
      `{"id":"s-extra","from_name":"claim.flag","to_name":"text","type":"choices","value":{${place('s-extra')},"choices":["true"]}}`,
      `{"id":"s-extra","from_name":"claim.count","to_name":"text","type":"number","value":{${place('s-extra')},"number":3}}`,
    ])
  })
})
