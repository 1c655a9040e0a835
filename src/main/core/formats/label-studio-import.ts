// Label Studio import (label-studio.ts writes it): a JSON array of tasks, or one task. Results are
// mapped by `from_name`, the control that made them: a `labels` result's control is the layer and
// its labels are that layer's labels; a result sharing a region's id is an attribute of that span
// (named by its control, `<layer>.` removed); a whole-task `choices` result is a document label.
// When a labeling config (`.xml`) is beside the tasks, its controls type the attribute values the
// project schema does not define (Number → number, a true/false Choices → boolean). Offsets count
// code points; a region whose offsets do not select its text is re-anchored by that text. Our
// export's ids come back: `data.docId` is the document's, a region's id its span's.
import type { Span } from '../../../shared/model'
import {
  DocumentBuilder,
  ImportCollector,
  asRecord,
  eachJsonRecord,
  fileText,
  isId,
  stemOf,
} from './import-common'
import type { ImportFile, ImportFormatModule } from './import-types'
import { parseLabelingConfig, type LabelingConfig } from './label-studio-config'
import { idRef, idText } from './foreign-id'

type Result = Record<string, unknown>

const NO_CONFIG: LabelingConfig = { labels: new Map(), attributes: new Map(), choices: new Map() }

export const labelStudioImport: ImportFormatModule = {
  name: 'label-studio',
  label: 'Label Studio JSON',
  extensions: ['.json', '.xml'],
  import(input, schema, options) {
    const collector = new ImportCollector(schema, options)
    const configs = new Map<string, LabelingConfig>()
    for (const file of input.files) {
      if (!file.path.toLowerCase().endsWith('.xml')) continue
      try {
        configs.set(folderOf(file.path), parseLabelingConfig(fileText(file)))
      } catch (error) {
        const message = (error as Error).message.replace(/\s+/g, ' ')
        collector.problem(file.path, `not a readable labeling config (${message}); not used`)
      }
    }
    const tasks = input.files.filter((file) => !file.path.toLowerCase().endsWith('.xml'))
    eachJsonRecord(tasks, 'document', (file, task, number) => {
      const config = configs.get(folderOf(file.path)) ?? NO_CONFIG
      importTask(collector, config, file, task, number)
    })
    return collector.result()
  },
}

function folderOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1)
}

function importTask(
  collector: ImportCollector,
  config: LabelingConfig,
  file: ImportFile,
  raw: unknown,
  number: number,
): void {
  const task = asRecord(raw)
  const data = asRecord(task?.data)
  const where = `${file.path}: task ${idRef(task?.id, String(number))}`
  const text =
    typeof data?.text === 'string'
      ? data.text
      : Object.values(data ?? {}).find((v) => typeof v === 'string')
  if (!task || !data || typeof text !== 'string') {
    collector.problem(where, 'task has no text in `data`; skipped')
    return
  }
  const metadata: Record<string, string> = {}
  for (const key of ['url', 'outlet', 'author', 'publishedAt', 'siteName']) {
    if (typeof data[key] === 'string') metadata[key] = data[key]
  }
  const title = typeof data.title === 'string' ? data.title : `${stemOf(file.path)} ${number}`
  const sourceId = typeof data.docId === 'string' ? data.docId : idText(task.id)
  // Our export names the document in `data.docId` and each region by its span's id.
  const keep = typeof data.docId === 'string' && isId(data.docId) ? { id: data.docId } : {}
  const doc = new DocumentBuilder(collector, where, text, { title, metadata, sourceId, ...keep })
  const results = resultsOf(doc, task)
  const regions = addRegions(doc, results)
  addRegionValues(doc, config, results, regions)
  addRelations(doc, results, regions)
  doc.finish()
}

/** The results of the task's first annotation that was not cancelled. */
function resultsOf(doc: DocumentBuilder, task: Record<string, unknown>): Result[] {
  const annotations = (Array.isArray(task.annotations) ? task.annotations : [])
    .map(asRecord)
    .filter((a): a is Record<string, unknown> => !!a && a.was_cancelled !== true)
  if (annotations.length > 1) {
    doc.problem(`task has ${annotations.length} annotations; imported the first`)
  }
  return (Array.isArray(annotations[0]?.result) ? annotations[0].result : [])
    .map(asRecord)
    .filter((r): r is Result => !!r)
}

/** Adds a span per label of each `labels` result, in the layer its control names. */
function addRegions(doc: DocumentBuilder, results: Result[]): Map<string, Span[]> {
  const regions = new Map<string, Span[]>()
  for (const r of results) {
    const value = asRecord(r.value) ?? {}
    const id = typeof r.id === 'string' ? r.id : undefined
    if (r.type !== 'labels' || id === undefined || regions.has(id)) continue
    const made: Span[] = []
    for (const label of Array.isArray(value.labels) ? value.labels : []) {
      const span = doc.addSpan({
        id: made.length === 0 && isId(id) ? id : undefined,
        start: value.start,
        end: value.end,
        unit: 'codepoint',
        exact: value.text,
        layer: typeof r.from_name === 'string' ? r.from_name : undefined,
        label,
        ref: `region ${id}`,
      })
      if (span) made.push(span)
    }
    regions.set(id, made)
  }
  return regions
}

/** Attribute results (sharing a region's id) and whole-task choices (document labels). */
function addRegionValues(
  doc: DocumentBuilder,
  config: LabelingConfig,
  results: Result[],
  regions: Map<string, Span[]>,
): void {
  const perSpan = new Map<Span, Record<string, unknown>>()
  for (const r of results) {
    if (r.type === 'labels' || r.type === 'relation') continue
    const value = asRecord(r.value) ?? {}
    const id = typeof r.id === 'string' ? r.id : undefined
    const fromName = typeof r.from_name === 'string' ? r.from_name : ''
    const spans = id !== undefined ? regions.get(id) : undefined
    const attrValue = resultValue(r.type, value)
    if (!spans && r.type === 'choices' && Array.isArray(value.choices)) {
      doc.addDocLabels({ [fromName]: value.choices })
    } else if (attrValue === undefined) {
      doc.problem(`result of type ${String(r.type)} not understood; skipped`)
    } else if (!spans) {
      doc.problem(`result ${String(id)} (${fromName}) belongs to no region; skipped`)
    } else {
      for (const span of spans) {
        const bag = perSpan.get(span) ?? {}
        bag[config.attributes.get(fromName)?.name ?? attributeName(fromName, span.layer)] =
          attrValue
        perSpan.set(span, bag)
      }
    }
  }
  for (const [span, bag] of perSpan) {
    // The controls of the span's own layer first, when two layers name an attribute alike.
    const ownFirst = (name: string) => Number(name.startsWith(`${span.layer}.`))
    const controls = [...config.attributes].sort(([a], [b]) => ownFirst(b) - ownFirst(a))
    doc.setAttributes(
      span,
      bag,
      `span ${span.id}`,
      controls.map(([, def]) => def),
    )
  }
}

/** The attribute a control sets: its name, without the `<layer>.` our export puts first. */
function attributeName(fromName: string, layer: string): string {
  return fromName.startsWith(`${layer}.`) ? fromName.slice(layer.length + 1) : fromName
}

/** Relation results; `direction: left` swaps the ends, and one without labels is "related". */
function addRelations(doc: DocumentBuilder, results: Result[], regions: Map<string, Span[]>) {
  for (const r of results) {
    if (r.type !== 'relation') continue
    const ref = `relation ${String(r.from_id)} → ${String(r.to_id)}`
    const from = regions.get(String(r.from_id))?.[0]
    const to = regions.get(String(r.to_id))?.[0]
    const labels = Array.isArray(r.labels) ? r.labels : []
    if (!from || !to) {
      doc.problem(`${ref}: an end is missing; skipped`)
      continue
    }
    if (labels.length === 0) doc.problem(`${ref} has no label; imported as "related"`)
    const [a, b] = r.direction === 'left' ? [to, from] : [from, to]
    for (const label of labels.length ? labels : ['related'])
      doc.addRelation(a, b, label, {}, { ref })
  }
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
