// The import format registry (format name → module) and the step every import shares before the
// format parses: zip files are expanded into their entries (within caps), and our own export
// manifests are left out. The step after it, settling what the schema does not know, is in
// unknown-labels.ts.
import type { AnnotationSchema } from '../../../shared/model'
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
import { asRecord, fileText } from './import-common'
import { jsonlImport } from './jsonl-import'
import { labelStudioImport } from './label-studio-import'
import { unzipFiles, type ZipLimits } from './unzip'
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

/** Replaces each `.zip` file by its entries (capped: see unzip.ts). */
export function expandZips(files: ImportFile[], limits?: ZipLimits): ImportFile[] {
  return files.flatMap((file) =>
    file.path.toLowerCase().endsWith('.zip') ? unzipFiles(file, limits) : [file],
  )
}

/**
 * True for the manifest our own export writes beside its files (`manifest.json`, or
 * `<file>.manifest.json`): it describes the export and is not data, so re-importing an export
 * folder does not trip over it.
 */
export function isExportManifest(file: ImportFile): boolean {
  const name = (file.path.split('/').pop() ?? '').toLowerCase()
  if (name !== 'manifest.json' && !name.endsWith('.manifest.json')) return false
  try {
    const manifest = asRecord(JSON.parse(fileText(file)))
    return (
      typeof manifest?.format === 'string' &&
      typeof manifest.formatVersion === 'string' &&
      Array.isArray(manifest.losses)
    )
  } catch {
    return false
  }
}

/** Runs an import: expands zips, leaves out our export manifests, then lets the format parse. */
export function runImport(
  format: string,
  input: ImportInput,
  schema: AnnotationSchema,
  options?: ImportOptions,
): ImportResult {
  const module = getImportFormat(format)
  const files = expandZips(input.files).filter((f) => !isExportManifest(f))
  return module.import({ files }, schema, options)
}

export { keepDocuments, resolveUnknownLabels } from './unknown-labels'
