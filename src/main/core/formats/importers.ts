// The import format registry (format name → module), the step every import shares before the
// format parses (zip files are expanded into their entries) and the step after it (labels the
// schema does not know are either added to the schema or skipped, as the user chose).
import { unzipSync } from 'fflate'
import type { AnnotationSchema, Layer } from '../../../shared/model'
import { bratImport } from './brat'
import { doccanoImport } from './doccano'
import type {
  ImportFile,
  ImportFormat,
  ImportFormatModule,
  ImportInput,
  ImportOptions,
  ImportResult,
} from './import-types'
import { IMPORT_FORMATS } from './import-types'
import { jsonlImport } from './jsonl-import'
import { labelStudioImport } from './label-studio'
import { w3cImport } from './w3c'

export const importFormats: Record<ImportFormat, ImportFormatModule> = {
  jsonl: jsonlImport,
  doccano: doccanoImport,
  'label-studio': labelStudioImport,
  brat: bratImport,
  w3c: w3cImport,
}

/** The module of an import format; throws an Error naming the known formats when there is none. */
export function getImportFormat(name: string): ImportFormatModule {
  if (!(IMPORT_FORMATS as readonly string[]).includes(name)) {
    throw new Error(`unknown import format "${name}" (known: ${IMPORT_FORMATS.join(', ')})`)
  }
  return importFormats[name as ImportFormat]
}

/** Replaces each `.zip` file by its entries (paths inside the zip, without folders). */
export function expandZips(files: ImportFile[]): ImportFile[] {
  return files.flatMap((file) => {
    if (!file.path.toLowerCase().endsWith('.zip')) return [file]
    const bytes = typeof file.data === 'string' ? new TextEncoder().encode(file.data) : file.data
    let entries: Record<string, Uint8Array>
    try {
      entries = unzipSync(bytes)
    } catch (error) {
      throw new Error(`${file.path}: not a readable zip file (${(error as Error).message})`, {
        cause: error,
      })
    }
    return Object.entries(entries)
      .filter(([path]) => !path.endsWith('/') && !path.startsWith('__MACOSX/'))
      .map(([path, data]) => ({ path: `${file.path}/${path}`, data }))
  })
}

/** Runs an import: expands zips, then lets the format parse the files. */
export function runImport(
  format: string,
  input: ImportInput,
  schema: AnnotationSchema,
  options?: ImportOptions,
): ImportResult {
  return getImportFormat(format).import({ files: expandZips(input.files) }, schema, options)
}

const NEW_LAYER_COLORS = ['#0891b2', '#65a30d', '#7c3aed', '#ea580c', '#be123c', '#4b5563']

/**
 * Settles the labels an import found that the schema does not know. `add` returns a schema that
 * holds them (new labels, layers, relation types, attributes, label-set values) and the result
 * unchanged; `skip` keeps the schema and drops the spans, relations, attribute values and document
 * labels that use them (relations whose end was dropped go too). Returns new objects.
 */
export function resolveUnknownLabels(
  result: ImportResult,
  schema: AnnotationSchema,
  mode: 'add' | 'skip',
): { schema: AnnotationSchema; result: ImportResult } {
  if (result.unknownLabels.length === 0) return { schema, result }
  if (mode === 'add') return { schema: addToSchema(schema, result), result }
  const unknown = (kind: string, layer: string, label: string) =>
    result.unknownLabels.some((u) => u.kind === kind && u.layer === layer && u.label === label)
  const documents = result.documents.map(({ document, annotations }) => {
    const spans = annotations.spans
      .filter((s) => !unknown('span', s.layer, s.label))
      .map((s) => ({
        ...s,
        attributes: withoutUnknown(s.attributes, (n) => unknown('attribute', s.layer, n)),
      }))
    const kept = new Set(spans.map((s) => s.id))
    const relations = annotations.relations
      .filter((r) => kept.has(r.from) && kept.has(r.to))
      .filter((r) => !result.unknownLabels.some((u) => u.kind === 'relation' && u.layer === r.type))
      .map((r) => ({
        ...r,
        attributes: withoutUnknown(r.attributes, (n) => unknown('attribute', r.type, n)),
      }))
    const docLabels = Object.fromEntries(
      Object.entries(annotations.docLabels)
        .map(([set, values]) => [set, values.filter((v) => !unknown('docLabel', set, v))] as const)
        .filter(([, values]) => values.length > 0),
    )
    return { document, annotations: { spans, relations, docLabels } }
  })
  return { schema, result: { ...result, documents, unknownLabels: [] } }
}

function withoutUnknown<T extends Record<string, unknown>>(
  values: T,
  isUnknown: (name: string) => boolean,
): T {
  return Object.fromEntries(Object.entries(values).filter(([n]) => !isUnknown(n))) as T
}

function addToSchema(schema: AnnotationSchema, result: ImportResult): AnnotationSchema {
  const next: AnnotationSchema = structuredClone(schema)
  for (const u of result.unknownLabels) {
    if (u.kind === 'span') {
      let layer = next.layers.find((l) => l.id === u.layer)
      if (!layer) {
        layer = {
          id: u.layer,
          name: u.layer,
          color: NEW_LAYER_COLORS[next.layers.length % NEW_LAYER_COLORS.length],
          underline: 'solid',
          labels: [],
          attributes: [],
        } satisfies Layer
        next.layers.push(layer)
      }
      if (!layer.labels.some((l) => l.name === u.label))
        layer.labels.push({ name: u.label.slice(0, 200) })
    }
  }
  const layerIds = next.layers.map((l) => l.id)
  for (const u of result.unknownLabels) {
    if (u.kind === 'relation' && !next.relationTypes.some((t) => t.id === u.layer)) {
      next.relationTypes.push({
        id: u.layer,
        name: u.label.slice(0, 200) || u.layer,
        from: layerIds,
        to: layerIds,
        attributes: [],
      })
    } else if (u.kind === 'attribute') {
      const owner =
        next.layers.find((l) => l.id === u.layer) ??
        next.relationTypes.find((t) => t.id === u.layer)
      if (owner && !owner.attributes.some((a) => a.name === u.label)) {
        owner.attributes.push({ name: u.label, type: u.valueType ?? 'text' })
      }
    } else if (u.kind === 'docLabel') {
      const set = next.labelSets.find((s) => s.id === u.layer)
      if (set) {
        if (!set.values.includes(u.label)) set.values.push(u.label)
      } else next.labelSets.push({ id: u.layer, name: u.layer, values: [u.label], multiple: true })
    }
  }
  return next
}
