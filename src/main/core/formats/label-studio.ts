// Label Studio JSON, export and import. A JSON array of tasks `{id, data: {text, title, …},
// annotations: [{result}]}` plus a labeling config (`label-studio-config.xml`) generated from the
// schema, so the tasks open in a project set up exactly for them. Offsets count code points:
// Label Studio's editor has stored region offsets in code points since it fixed its emoji bug
// (its own tests: "Should calculate offsets by code points in text"), and its docs tell Python
// users to slice `text[start:end]`. Each region is a `labels` result named after its layer; its
// attributes are `choices`/`textarea`/`number` results sharing the region id (from_name
// `<layer>.<attribute>`); relations are `relation` results; document labels are whole-text
// `choices`. Label Studio relations carry no attributes, and there is no entity registry.
import type { AnnotationSchema, AttributeDef, AttributeValue, Span } from '../../../shared/model'
import type { CheckedDocument } from './checked'
import { exportFormat } from './define'
import { Extras, ManifestBuilder, layerOf, provenanceLosses } from './export-common'
import { attrs, escapeAttr } from './xml'
import {
  DocumentBuilder,
  ImportCollector,
  asRecord,
  fileText,
  parseJson,
  stemOf,
} from './import-common'
import type { ImportFile, ImportFormatModule } from './import-types'

type Result = Record<string, unknown>

export const labelStudioFormat = exportFormat({
  name: 'label-studio',
  label: 'Label Studio JSON',
  extension: '',
  offsetUnit: 'codepoint',
  open(context, out) {
    const manifest = new ManifestBuilder('label-studio', 'tasks-json-1', 'codepoint')
    const { schema } = context.project
    const extras = new Extras()
    // One JSON array, written a task at a time with the layout of JSON.stringify(tasks, null, 1).
    const tasks = out.file('label-studio.json')
    const config = out.file('label-studio-config.xml')
    config.write(labelingConfig(schema))
    config.close()
    return {
      document(doc) {
        const task = JSON.stringify(labelStudioTask(doc, manifest.documents + 1, schema), null, 1)
        tasks.write(`${manifest.documents === 0 ? '[\n' : ',\n'} ${task.replace(/\n/g, '\n ')}`)
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
  schema: AnnotationSchema,
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
      result.push(attributeResult(schema, span, name, value, start, end))
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

function attributeResult(
  schema: AnnotationSchema,
  span: Span,
  name: string,
  value: AttributeValue,
  start: number,
  end: number,
): Result {
  const def = layerOf(schema, span.layer)?.attributes.find((a) => a.name === name)
  const base = { id: span.id, from_name: `${span.layer}.${name}`, to_name: 'text' }
  const kind = def?.type ?? (typeof value === 'string' ? 'text' : typeof value)
  if (kind === 'number' && typeof value === 'number') {
    return { ...base, type: 'number', value: { start, end, number: value } }
  }
  if (kind === 'text')
    return { ...base, type: 'textarea', value: { start, end, text: [String(value)] } }
  return { ...base, type: 'choices', value: { start, end, choices: [String(value)] } }
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

export const labelStudioImport: ImportFormatModule = {
  name: 'label-studio',
  label: 'Label Studio JSON',
  extensions: ['.json'],
  import(input, schema, options) {
    const collector = new ImportCollector(schema, options)
    for (const file of input.files) {
      if (file.path.endsWith('.xml')) continue // the labeling config travels with the tasks
      const parsed = parseJson(file, fileText(file))
      const tasks = Array.isArray(parsed) ? parsed : [parsed]
      tasks.forEach((task, i) => importTask(collector, file, task, i))
    }
    return collector.result()
  },
}

function importTask(
  collector: ImportCollector,
  file: ImportFile,
  raw: unknown,
  index: number,
): void {
  const task = asRecord(raw)
  const data = asRecord(task?.data)
  const where = `${file.path}: task ${String(task?.id ?? index + 1)}`
  const text =
    typeof data?.text === 'string'
      ? data.text
      : Object.values(data ?? {}).find((v) => typeof v === 'string')
  if (!task || !data || typeof text !== 'string') {
    collector.problem(where, 'task has no text in `data`; skipped')
    return
  }
  const annotations = (Array.isArray(task.annotations) ? task.annotations : [])
    .map(asRecord)
    .filter((a): a is Record<string, unknown> => !!a && a.was_cancelled !== true)
  if (annotations.length > 1) {
    collector.problem(where, `task has ${annotations.length} annotations; imported the first`)
  }
  const results = (Array.isArray(annotations[0]?.result) ? annotations[0].result : [])
    .map(asRecord)
    .filter((r): r is Record<string, unknown> => !!r)
  const metadata: Record<string, string> = {}
  for (const key of ['url', 'outlet', 'author', 'publishedAt', 'siteName']) {
    if (typeof data[key] === 'string') metadata[key] = data[key] as string
  }
  const title = typeof data.title === 'string' ? data.title : `${stemOf(file.path)} ${index + 1}`
  const sourceId =
    typeof data.docId === 'string'
      ? data.docId
      : task.id === undefined
        ? undefined
        : String(task.id)
  const doc = new DocumentBuilder(collector, where, text, title, metadata, sourceId)

  const regions = new Map<string, Span[]>()
  const perRegion = new Map<string, Record<string, unknown>>()
  for (const r of results) {
    const value = asRecord(r.value) ?? {}
    const id = typeof r.id === 'string' ? r.id : undefined
    if (r.type === 'labels' && id !== undefined && !regions.has(id)) {
      const labels = Array.isArray(value.labels) ? value.labels : []
      const made: Span[] = []
      for (const label of labels) {
        if (
          typeof label !== 'string' ||
          typeof value.start !== 'number' ||
          typeof value.end !== 'number'
        )
          continue
        const span = doc.addSpan({
          start: value.start,
          end: value.end,
          unit: 'codepoint',
          exact: typeof value.text === 'string' ? value.text : undefined,
          layer: schemaHasLayer(collector.schema, r.from_name)
            ? (r.from_name as string)
            : undefined,
          label,
          ref: `region ${id}`,
        })
        if (span) made.push(span)
      }
      regions.set(id, made)
    }
  }
  for (const r of results) {
    if (r.type === 'labels' || r.type === 'relation') continue
    const value = asRecord(r.value) ?? {}
    const id = typeof r.id === 'string' ? r.id : undefined
    const fromName = String(r.from_name ?? '')
    const attrValue = resultValue(r.type, value)
    if (attrValue === undefined) {
      collector.problem(where, `result of type ${String(r.type)} not understood; skipped`)
      continue
    }
    const spans = id !== undefined ? regions.get(id) : undefined
    if (spans) {
      for (const span of spans) {
        const dot = fromName.indexOf('.')
        const name =
          dot >= 0 && fromName.slice(0, dot) === span.layer ? fromName.slice(dot + 1) : fromName
        const bag = perRegion.get(span.id) ?? {}
        bag[name] = attrValue
        perRegion.set(span.id, bag)
      }
    } else if (r.type === 'choices' && Array.isArray(value.choices)) {
      for (const choice of value.choices)
        if (typeof choice === 'string') doc.addDocLabel(fromName, choice)
    } else {
      collector.problem(where, `result ${String(id)} (${fromName}) belongs to no region; skipped`)
    }
  }
  for (const span of doc.spans) {
    const bag = perRegion.get(span.id)
    if (bag) span.attributes = collector.attributes({ layer: span.layer }, bag, where)
  }
  for (const r of results) {
    if (r.type !== 'relation') continue
    const from = regions.get(String(r.from_id))?.[0]
    const to = regions.get(String(r.to_id))?.[0]
    const labels = Array.isArray(r.labels) ? r.labels.filter((l) => typeof l === 'string') : []
    if (!from || !to) {
      collector.problem(
        where,
        `relation ${String(r.from_id)} → ${String(r.to_id)}: an end is missing; skipped`,
      )
      continue
    }
    if (labels.length === 0) {
      collector.problem(
        where,
        `relation ${String(r.from_id)} → ${String(r.to_id)} has no label; imported as "related"`,
      )
    }
    const [a, b] = r.direction === 'left' ? [to, from] : [from, to]
    for (const label of labels.length ? labels : ['related']) doc.addRelation(a, b, label)
  }
  doc.finish()
}

function schemaHasLayer(schema: AnnotationSchema, name: unknown): boolean {
  return typeof name === 'string' && schema.layers.some((l) => l.id === name)
}

function resultValue(type: unknown, value: Record<string, unknown>): unknown {
  switch (type) {
    case 'choices':
      return Array.isArray(value.choices) ? value.choices.join(', ') : undefined
    case 'textarea':
      return Array.isArray(value.text) ? value.text.join('\n') : value.text
    case 'number':
      return value.number
    case 'rating':
      return value.rating
    default:
      return undefined
  }
}
