// The export format registry: format name → module. One line per format; the CLI, the IPC handler
// and the UI list formats from here, so adding a format is adding its module and one line.
import { bratFormat } from './brat-export'
import { conllFormat } from './conll'
import { csvFormat } from './csv'
import { doccanoFormat } from './doccano'
import { jsonlFormat } from './jsonl'
import { labelStudioFormat } from './label-studio'
import { qdpxFormat } from './qdpx'
import { spacyFormat } from './spacy'
import { w3cFormat } from './w3c'
import { xlsxFormat } from './xlsx'
import type { ExportFormatModule } from './types'

export type { ExportFormatModule } from './types'

export const exportFormats: Record<string, ExportFormatModule> = {
  jsonl: jsonlFormat,
  csv: csvFormat,
  xlsx: xlsxFormat,
  doccano: doccanoFormat,
  'label-studio': labelStudioFormat,
  brat: bratFormat,
  w3c: w3cFormat,
  conll: conllFormat,
  spacy: spacyFormat,
  qdpx: qdpxFormat,
}

/** The registered format names, in registry order. */
export function exportFormatNames(): string[] {
  return Object.keys(exportFormats)
}

/** The module of a format; throws an Error naming the known formats when there is none. */
export function getExportFormat(name: string): ExportFormatModule {
  if (!Object.hasOwn(exportFormats, name)) {
    throw new Error(`unknown export format "${name}" (known: ${exportFormatNames().join(', ')})`)
  }
  return exportFormats[name]
}
