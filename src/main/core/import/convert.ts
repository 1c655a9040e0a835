// One entry for turning any importable input into a document: files by extension (text formats
// decoded to canonical text first, PDF and DOCX read from their bytes) and clipboard pastes. The
// import worker calls it; nothing here touches the project store.
import { decodeText } from './decode'
import type { ConvertedDocument } from './converted'
import { convertDocx } from './docx'
import { ImportError } from './errors'
import { convertHtml } from './html'
import { importMarkdown } from './markdown'
import { extensionOf } from './names'
import { convertPaste } from './paste'
import { convertPdf } from './pdf'
import { importTxt } from './txt'
import type { ImportJob } from './worker/protocol'

/** Progress within one file: `done` of `total` units (pages of a PDF). */
export type ProgressFn = (done: number, total: number) => void

/** Importers of text formats: canonical text in, document out (synchronous). */
export const TEXT_IMPORTERS: Record<string, (fileName: string, text: string) => ConvertedDocument> =
  {
    '.txt': (name, text) => ({ document: importTxt(name, text), notes: [] }),
    '.md': (name, text) => ({ document: importMarkdown(name, text), notes: [] }),
    '.markdown': (name, text) => ({ document: importMarkdown(name, text), notes: [] }),
    '.html': (name, text) => convertHtml(name, text),
    '.htm': (name, text) => convertHtml(name, text),
  }

/** Importers of binary formats, which read the file's bytes themselves. */
const BINARY_IMPORTERS: Record<
  string,
  (
    fileName: string,
    data: Uint8Array,
    onProgress: ProgressFn,
    signal?: AbortSignal,
  ) => Promise<ConvertedDocument>
> = {
  '.pdf': convertPdf,
  '.docx': convertDocx,
}

/** Every extension that can be imported, with the dot. */
export const IMPORT_EXTENSIONS = [...Object.keys(TEXT_IMPORTERS), ...Object.keys(BINARY_IMPORTERS)]

/** The error for a file whose extension no importer reads. */
export function unknownExtension(fileName: string): ImportError {
  const extension = extensionOf(fileName)
  const what = extension ? `"${extension}" files` : 'files without an extension'
  return new ImportError(fileName, `cannot import ${what} (known: ${IMPORT_EXTENSIONS.join(', ')})`)
}

/** Converts a text-format file (decoding it to canonical text first). */
export function convertTextFile(fileName: string, data: Uint8Array): ConvertedDocument {
  const importer = TEXT_IMPORTERS[extensionOf(fileName)]
  if (!importer) throw unknownExtension(fileName)
  const text = decodeText(fileName, data)
  if (text.trim() === '') throw new ImportError(fileName, 'is empty')
  return checked(fileName, importer(fileName, text))
}

/**
 * Converts any importable file, choosing the importer by extension. Throws ImportError. Aborting
 * `signal` stops a long read at its next safe point (a PDF's next page) with the signal's reason.
 */
export async function convertFile(
  fileName: string,
  data: Uint8Array,
  onProgress: ProgressFn = () => {},
  signal?: AbortSignal,
): Promise<ConvertedDocument> {
  const binary = BINARY_IMPORTERS[extensionOf(fileName)]
  if (!binary) return convertTextFile(fileName, data)
  if (data.byteLength === 0) throw new ImportError(fileName, 'is empty')
  return checked(fileName, await binary(fileName, data, onProgress, signal))
}

/** Converts one job of the import worker (see convertFile for `signal`). */
export function convertJob(
  job: ImportJob,
  onProgress?: ProgressFn,
  signal?: AbortSignal,
): Promise<ConvertedDocument> {
  if (job.kind === 'paste') return Promise.resolve(convertPaste(job))
  return convertFile(job.name, job.data, onProgress, signal)
}

/** The message of an import failure without the file name in front (the report carries it). */
export function problemOf(error: unknown): string {
  if (error instanceof ImportError) return error.problem
  if (error instanceof Error) return error.message
  return String(error)
}

function checked(fileName: string, converted: ConvertedDocument): ConvertedDocument {
  if (converted.document.text.trim() === '') throw new ImportError(fileName, 'has no text')
  return converted
}
