// Exports a project in every format the recipes in docs/EXPORTS.md read, under the names the app's
// save dialog proposes for a project called "study" (`study.jsonl`, `study-doccano.jsonl`,
// `study-brat/`, …), so the recipes run on the files a data person actually receives.
import path from 'node:path'
import { defaultExportName, exportProject } from '../../src/main/core/export'
import { ProjectStore } from '../../src/main/core/storage'
import type { ExportResult } from '../../src/shared/ipc-contract'

/** One export the recipes read: a format, its options and, when the default clashes, a name. */
export interface RecipeExport {
  format: string
  options?: Record<string, unknown>
  name?: string
}

export const RECIPE_EXPORTS: RecipeExport[] = [
  { format: 'jsonl' },
  { format: 'jsonl', options: { offsetUnit: 'codepoint' }, name: 'study-codepoint.jsonl' },
  { format: 'csv' },
  { format: 'csv', options: { escapeFormulas: false }, name: 'study-raw.csv' },
  { format: 'xlsx' },
  { format: 'doccano' },
  { format: 'label-studio' },
  { format: 'brat' },
  { format: 'brat', options: { zip: true } },
  { format: 'w3c' },
  { format: 'conll' },
  { format: 'spacy' },
  { format: 'qdpx' },
]

/** Exports the project in `projectDir` (opened read-only) into `outDir`; name → result. */
export async function exportAll(
  projectDir: string,
  outDir: string,
  exports = RECIPE_EXPORTS,
): Promise<Map<string, ExportResult>> {
  const store = await ProjectStore.open(projectDir, { lock: false })
  const results = new Map<string, ExportResult>()
  try {
    for (const e of exports) {
      const name = e.name ?? defaultExportName('study', e.format, e.options)
      const result = await exportProject(store, e.format, path.join(outDir, name), {
        formatOptions: e.options,
      })
      results.set(name, result)
    }
  } finally {
    await store.close()
  }
  return results
}
