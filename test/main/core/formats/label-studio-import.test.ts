// Label Studio import maps each result by the control that made it (`from_name`), and types
// attribute values by the project schema, else by the labeling config beside the tasks.
import { describe, expect, it } from 'vitest'
import { runImport } from '../../../../src/main/core/formats/importers'
import { labelStudioFormat } from '../../../../src/main/core/formats/label-studio'
import type { AnnotationSchema } from '../../../../src/shared/model'
import { makeDoc, makeInput, rangeOf, testSchema } from './fixtures'

const schema = testSchema()
const text = 'The Agency said the Claim holds.'

/** A task as Label Studio exports it, with regions made by an `entity` Labels control. */
function task() {
  const region = (id: string, needle: string, label: string, from = 'entity') => {
    const { start, end } = rangeOf(text, needle)
    return {
      id,
      from_name: from,
      to_name: 'text',
      type: 'labels',
      value: { start, end, text: needle, labels: [label] },
    }
  }
  return {
    id: 1,
    data: { text },
    annotations: [
      {
        result: [
          region('a', 'The Agency', 'Org/Agency'),
          region('b', 'the Claim', 'Claim'),
          {
            id: 'a',
            from_name: 'verified',
            to_name: 'text',
            type: 'choices',
            value: { choices: ['true'] },
          },
          { id: 'a', from_name: 'size', to_name: 'text', type: 'number', value: { number: 12 } },
          { from_id: 'b', to_id: 'a', type: 'relation', direction: 'right', labels: ['said by'] },
        ],
      },
    ],
  }
}

const config = `<View>
  <Text name="text" value="$text"/>
  <Labels name="entity" toName="text"><Label value="Org/Agency"/><Label value="Claim"/></Labels>
  <Choices name="verified" toName="text" perRegion="true"><Choice value="true"/><Choice value="false"/></Choices>
  <Number name="size" toName="text" perRegion="true"/>
  <Relations><Relation value="said by"/></Relations>
</View>`

describe('label-studio import', () => {
  it("maps regions by from_name: the control's name is the layer, the label stays whole", () => {
    const result = runImport(
      'label-studio',
      { files: [{ path: 'ls/tasks.json', data: JSON.stringify([task()]) }] },
      schema,
    )
    const { annotations } = result.documents[0]
    expect(annotations.spans.map((s) => [s.layer, s.label])).toEqual([
      ['entity', 'Org/Agency'],
      ['entity', 'Claim'],
    ])
    expect(result.unknownLabels.filter((u) => u.kind === 'span')).toEqual([
      { kind: 'span', layer: 'entity', label: 'Org/Agency', count: 1 },
      { kind: 'span', layer: 'entity', label: 'Claim', count: 1 },
    ])
    expect(annotations.relations.map((r) => r.type)).toEqual(['said_by'])
  })

  it('without a config, a true/false choice is text; with the config beside the tasks, it is a boolean', () => {
    const tasks = { path: 'ls/tasks.json', data: JSON.stringify([task()]) }
    const bare = runImport('label-studio', { files: [tasks] }, schema)
    expect(bare.documents[0].annotations.spans[0].attributes).toEqual({
      verified: 'true',
      size: 12,
    })
    const typed = runImport(
      'label-studio',
      { files: [tasks, { path: 'ls/label-studio-config.xml', data: config }] },
      schema,
    )
    expect(typed.problems).toEqual([])
    expect(typed.documents[0].annotations.spans[0].attributes).toEqual({ verified: true, size: 12 })
    expect(typed.unknownLabels.filter((u) => u.kind === 'attribute')).toEqual([
      { kind: 'attribute', layer: 'entity', label: 'verified', count: 1, valueType: 'boolean' },
      { kind: 'attribute', layer: 'entity', label: 'size', count: 1, valueType: 'number' },
    ])
  })

  it('a broken config is reported and the tasks are still imported', () => {
    const result = runImport(
      'label-studio',
      {
        files: [
          { path: 'tasks.json', data: JSON.stringify([task()]) },
          { path: 'config.xml', data: '<View><Labels name="entity">' },
        ],
      },
      schema,
    )
    expect(result.documents).toHaveLength(1)
    expect(result.problems).toEqual([
      { file: 'config.xml', message: expect.stringMatching(/^not a readable labeling config/) },
    ])
  })

  it('our export, with its config, imports back typed into a project that lacks its attributes', () => {
    const doc = makeDoc('d1', text, [
      {
        ...rangeOf(text, 'the Claim holds'),
        layer: 'claim',
        label: 'Claim',
        attributes: { verified: false, checkability: 'opinion', note: 'n' },
      },
      {
        ...rangeOf(text, 'Agency'),
        layer: 'sentiment',
        label: 'Sentiment',
        attributes: { intensity: 2 },
      },
    ])
    const out = labelStudioFormat.export(makeInput([doc]))
    const bare: AnnotationSchema = {
      ...schema,
      layers: schema.layers.map((l) => ({ ...l, attributes: [] })),
    }
    const result = runImport('label-studio', { files: out.files }, bare)
    expect(result.documents[0].annotations.spans.map((s) => [s.layer, s.attributes])).toEqual([
      ['claim', { verified: false, checkability: 'opinion', note: 'n' }],
      ['sentiment', { intensity: 2 }],
    ])
    expect(
      result.unknownLabels.filter((u) => u.kind === 'attribute').map((u) => [u.label, u.valueType]),
    ).toEqual([
      ['verified', 'boolean'],
      ['checkability', 'text'],
      ['note', 'text'],
      ['intensity', 'number'],
    ])
  })
})
