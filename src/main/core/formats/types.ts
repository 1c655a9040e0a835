// The shape every export and import format module speaks. Each format is one module that maps the
// internal model (src/shared/model.ts) to its wire form and back; the model never bends to a format.
import type { ProjectFile } from '../../../shared/model'
import type { ExportManifest } from '../../../shared/ipc-contract'
import type { CheckedDocument } from './checked'

/**
 * What an export reads: the project and the documents to export, loaded and already checked by
 * the runner (checked.ts), so every span a format sees selects its quote.
 */
export interface ExportInput {
  project: ProjectFile
  documents: readonly CheckedDocument[]
  /**
   * Format-specific options, already validated by the caller against the format's validator in
   * src/shared/export-options.ts (e.g. brat `{zip: true}`, CoNLL `{layer: 'claim'}`).
   */
  options?: Record<string, unknown>
}

/** One file an export produces; `path` is relative to the output (a file name or a/b paths). */
export interface ExportedFile {
  path: string
  data: string | Uint8Array
}

export interface ExportOutput {
  files: ExportedFile[]
  manifest: ExportManifest
}

export interface ExportFormatModule {
  /** Format name used by the CLI and the UI (`jsonl`, `csv`, …). */
  name: string
  /** Human-readable name for menus and dialogs. */
  label: string
  /** File extension of a single-file output, with the dot; '' for a folder output. */
  extension: string
  offsetUnit: 'utf16' | 'codepoint'
  /**
   * Builds the output in memory from checked documents; what the format cannot hold is counted in
   * `manifest.losses`, never dropped silently. Same input, same bytes: no clock, no randomness.
   */
  export(input: ExportInput): ExportOutput
}
