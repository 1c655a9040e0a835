// How the export formats are named in the Export menu. The names are a Record over the contract's
// ExportFormat type, so adding a format to the contract fails the type check until it is named
// here; importing only the type keeps zod (the contract's runtime) out of the renderer bundle.
import type { ExportFormat } from '../../../shared/ipc-contract'

const NAMES: Record<ExportFormat, string> = {
  jsonl: 'JSON Lines, native (.jsonl)',
  csv: 'CSV, one row per span (.csv)',
  xlsx: 'Excel workbook (.xlsx)',
  doccano: 'doccano (.jsonl)',
  'label-studio': 'Label Studio (.json)',
  brat: 'brat standoff (.ann)',
  w3c: 'W3C Web Annotation (.jsonld)',
  conll: 'CoNLL, BIO tags (.conll)',
  spacy: 'spaCy (.json)',
  qdpx: 'REFI-QDA project (.qdpx)',
}

/** The formats that carry the whole model, offered first. */
const PRIMARY: readonly ExportFormat[] = ['jsonl', 'csv']

export interface ExportFormatItem {
  format: ExportFormat
  name: string
  primary: boolean
}

/** The export formats in menu order: the primary ones, then the others. */
export function exportFormatItems(): ExportFormatItem[] {
  const formats = Object.keys(NAMES) as ExportFormat[]
  const items = formats.map((format) => ({
    format,
    name: NAMES[format],
    primary: PRIMARY.includes(format),
  }))
  return [...items.filter((i) => i.primary), ...items.filter((i) => !i.primary)]
}
