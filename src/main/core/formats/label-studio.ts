// Label Studio JSON export (label-studio-import.ts reads it back). A JSON array of tasks
// `{id, data: {text, title, …}, annotations: [{result}]}` plus a labeling config
// (`label-studio-config.xml`) generated from the schema, so the tasks open in a project set up
// exactly for them. Offsets count code points:
// Label Studio's editor has stored region offsets in code points since it fixed its emoji bug
// (its own tests: "Should calculate offsets by code points in text"), and its docs tell Python
// users to slice `text[start:end]`. Each region is a `labels` result named after its layer; its
// attributes are `choices`/`textarea`/`number` results sharing the region id (from_name
// `<layer>.<attribute>`); relations are `relation` results; document labels are whole-text
// `choices`. Label Studio relations carry no attributes, and there is no entity registry.
import type { AnnotationSchema, AttributeDef, AttributeValue, Span } from '../../../shared/model'
import type { CheckedDocument } from './checked'
import { exportFormat } from './define'
import { Extras, ManifestBuilder, idLosses, layerOf, provenanceLosses } from './export-common'
import { attrs, escapeAttr } from './xml'

type Result = Record<string, unknown>

export const labelStudioFormat = exportFormat({
  name: 'label-studio',
  label: 'Label Studio JSON',
  extension: '',
  folderContents:
    'label-studio.json (the tasks) and label-studio-config.xml (the labelling config)',
  offsetUnit: 'codepoint',
  open(context, out) {
    const manifest = new ManifestBuilder('label-studio', 'tasks-json-1', 'codepoint')
    const { schema } = context.project
    const extras = new Extras()
    const kinds = new AttributeKinds(schema)
    // The task indented one level, as an element of the array: JSON.stringify of a one-element
    // array less its brackets, rather than indenting the task's own text again line by line.
    const taskText = (doc: CheckedDocument) =>
      JSON.stringify([labelStudioTask(doc, manifest.documents + 1, kinds)], null, 1).slice(2, -2)
    // One JSON array, written a task at a time with the layout of JSON.stringify(tasks, null, 1).
    const tasks = out.file('label-studio.json')
    const config = out.file('label-studio-config.xml')
    config.write(labelingConfig(schema))
    config.close()
    return {
      document(doc) {
        tasks.write(`${manifest.documents === 0 ? '[\n' : ',\n'}${taskText(doc)}`)
        manifest.documents++
        manifest.spans += doc.spans.length
        manifest.relations += doc.relations.length
        extras.add(doc)
      },
      finish() {
        tasks.write(manifest.documents === 0 ? '[]' : '\n]')
        tasks.close()
        manifest.loss(
          'relation attributes',
          'Label Studio relations carry only labels and a direction; not written',
          extras.relationAttributes,
        )
        idLosses(
          manifest,
          extras,
          { spans: false, relations: true },
          'a Label Studio relation has no id (regions keep the span ids)',
        )
        manifest.loss(
          'entity links',
          'Label Studio has no entity registry; not written',
          extras.entityLinks,
        )
        provenanceLosses(
          manifest,
          extras,
          { annotators: false, timestamps: 'none' },
          'a Label Studio task',
        )
        return manifest.build()
      },
    }
  },
})

/** The task of one document: its text and data, and its annotations as one result list. */
function labelStudioTask(
  { file, spans, relations, offsets }: CheckedDocument,
  id: number,
  kinds: AttributeKinds,
): object {
  const { document } = file
  const result: Result[] = []
  for (const span of spans) {
    const start = offsets.toCodePoint(span.start)
    const end = offsets.toCodePoint(span.end)
    result.push({
      id: span.id,
      from_name: span.layer,
      to_name: 'text',
      type: 'labels',
      origin: 'manual',
      value: { start, end, text: span.quote.exact, labels: [span.label] },
    })
    for (const [name, value] of Object.entries(span.attributes)) {
      result.push(attributeResult(kinds, span, name, value, start, end))
    }
  }
  for (const relation of relations) {
    result.push({
      type: 'relation',
      from_id: relation.from,
      to_id: relation.to,
      direction: 'right',
      labels: [relation.type],
    })
  }
  for (const [set, values] of Object.entries(file.annotations.docLabels)) {
    if (values.length === 0) continue
    result.push({
      id: `doc-${set}`,
      from_name: set,
      to_name: 'text',
      type: 'choices',
      value: { choices: values },
    })
  }
  const { importedFrom: _ignored, ...metadata } = document.metadata
  return {
    id,
    data: { text: document.text, title: document.title, docId: document.id, ...metadata },
    annotations: [{ result }],
  }
}

/** The kind of each attribute of a layer, looked up once per (layer, name) rather than per span. */
class AttributeKinds {
  private readonly kinds = new Map<string, AttributeDef['type'] | undefined>()

  constructor(private readonly schema: AnnotationSchema) {}

  /** The type of the layer's attribute `name`, or undefined when the schema has none. */
  of(layer: string, name: string): AttributeDef['type'] | undefined {
    const key = `${layer}\u0000${name}`
    if (this.kinds.has(key)) return this.kinds.get(key)
    const kind = layerOf(this.schema, layer)?.attributes.find((a) => a.name === name)?.type
    this.kinds.set(key, kind)
    return kind
  }
}

function attributeResult(
  kinds: AttributeKinds,
  span: Span,
  name: string,
  value: AttributeValue,
  start: number,
  end: number,
): Result {
  const kind = kinds.of(span.layer, name) ?? (typeof value === 'string' ? 'text' : typeof value)
  const id = span.id
  const fromName = `${span.layer}.${name}`
  // Keys in the order JSON.stringify writes them: id, from_name, to_name, type, value.
  if (kind === 'number' && typeof value === 'number') {
    const number = { start, end, number: value }
    return { id, from_name: fromName, to_name: 'text', type: 'number', value: number }
  }
  if (kind === 'text') {
    const text = { start, end, text: [String(value)] }
    return { id, from_name: fromName, to_name: 'text', type: 'textarea', value: text }
  }
  const choices = { start, end, choices: [String(value)] }
  return { id, from_name: fromName, to_name: 'text', type: 'choices', value: choices }
}

/** The labeling config matching the export: one control per layer, attribute and label set. */
export function labelingConfig(schema: AnnotationSchema): string {
  const lines = ['<View>', '  <Text name="text" value="$text"/>']
  for (const layer of schema.layers) {
    lines.push(`  <Labels${attrs({ name: layer.id, toName: 'text' })}>`)
    for (const label of layer.labels) {
      lines.push(
        `    <Label${attrs({ value: label.name, background: label.color ?? layer.color })}/>`,
      )
    }
    lines.push('  </Labels>')
  }
  for (const layer of schema.layers) {
    for (const def of layer.attributes) lines.push(`  ${attributeControl(layer.id, def)}`)
  }
  if (schema.relationTypes.length > 0) {
    lines.push('  <Relations>')
    for (const t of schema.relationTypes) lines.push(`    <Relation${attrs({ value: t.id })}/>`)
    lines.push('  </Relations>')
  }
  for (const set of schema.labelSets) {
    const choice = set.multiple ? 'multiple' : 'single'
    lines.push(`  <Choices${attrs({ name: set.id, toName: 'text', choice })}>`)
    for (const v of set.values) lines.push(`    <Choice${attrs({ value: v })}/>`)
    lines.push('  </Choices>')
  }
  lines.push('</View>', '')
  return lines.join('\n')
}

function attributeControl(layerId: string, def: AttributeDef): string {
  const common = {
    name: `${layerId}.${def.name}`,
    toName: 'text',
    perRegion: 'true',
    visibleWhen: 'region-selected',
    whenTagName: layerId,
  }
  switch (def.type) {
    case 'text':
      return `<TextArea${attrs({ ...common, maxSubmissions: 1 })}/>`
    case 'number':
      return `<Number${attrs({ ...common, min: def.min, max: def.max, step: def.integer ? 1 : undefined })}/>`
    case 'boolean':
      return `<Choices${attrs({ ...common, choice: 'single' })}><Choice value="true"/><Choice value="false"/></Choices>`
    case 'enum':
      return `<Choices${attrs({ ...common, choice: 'single' })}>${def.values
        .map((v) => `<Choice value="${escapeAttr(v)}"/>`)
        .join('')}</Choices>`
  }
}
