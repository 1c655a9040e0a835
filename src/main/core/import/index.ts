// Document import: bytes of a .txt, .md or .html file become a NewDocument (canonical text, blocks
// and metadata) for the project store. The store detects duplicates by content hash; importFiles
// runs many files and reports each one's outcome without stopping at the first failure.
import type { FileProblem, ImportReport } from '../../../shared/ipc-contract'
import type { NewDocument, ProjectStore } from '../storage'
import { decodeText } from './decode'
import { ImportError } from './errors'
import { importHtml } from './html'
import { importMarkdown } from './markdown'
import { extensionOf } from './names'
import { importTxt } from './txt'

export { ImportError } from './errors'

/** File extensions that can be imported, with the importer for each. */
const IMPORTERS: Record<string, (fileName: string, text: string) => NewDocument> = {
  '.txt': importTxt,
  '.md': importMarkdown,
  '.markdown': importMarkdown,
  '.html': importHtml,
  '.htm': importHtml,
}

/** The extensions `importDocumentFile` accepts, with the dot. */
export const IMPORT_EXTENSIONS = Object.keys(IMPORTERS)

/**
 * Turns one file into a document, choosing the importer by extension. Throws ImportError (naming
 * the file) for an unknown extension, invalid UTF-8 or a document without text.
 */
export function importDocumentFile(fileName: string, data: Uint8Array): NewDocument {
  const extension = extensionOf(fileName)
  const importer = IMPORTERS[extension]
  if (!importer) {
    const known = IMPORT_EXTENSIONS.join(', ')
    const what = extension ? `"${extension}" files` : 'files without an extension'
    throw new ImportError(fileName, `cannot import ${what} (known: ${known})`)
  }
  const text = decodeText(fileName, data)
  if (text.trim() === '') throw new ImportError(fileName, 'is empty')
  const document = importer(fileName, text)
  if (document.text.trim() === '') throw new ImportError(fileName, 'has no text')
  return document
}

/**
 * Imports files into a project one by one. A file that fails is reported in `errors` and the rest
 * still import; a file whose text is already in the project is reported in `duplicates`.
 */
export async function importFiles(
  store: ProjectStore,
  files: { name: string; data: Uint8Array }[],
): Promise<ImportReport> {
  const added: ImportReport['added'] = []
  const duplicates: ImportReport['duplicates'] = []
  const errors: FileProblem[] = []
  for (const file of files) {
    try {
      const result = await store.addDocument(importDocumentFile(file.name, file.data))
      if (result.status === 'added') {
        added.push({ id: result.entry.id, title: result.entry.title, file: file.name })
      } else {
        duplicates.push({
          file: file.name,
          existingId: result.existing.id,
          existingTitle: result.existing.title,
        })
      }
    } catch (error) {
      errors.push({ file: file.name, message: problemOf(error) })
    }
  }
  return { snapshot: store.snapshot(), added, duplicates, errors }
}

/** The message of an import failure without the file name in front (the report carries it). */
function problemOf(error: unknown): string {
  if (error instanceof ImportError) return error.problem
  if (error instanceof Error) return error.message
  return String(error)
}
