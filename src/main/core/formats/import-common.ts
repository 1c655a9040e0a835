// What every annotation import shares. Each format module only parses its wire form: it reads its
// files with `fileText`/`parseJson` (which name the file, line and byte where they break), and hands
// what it found to a DocumentBuilder (document-builder.ts: offsets, re-anchoring by quote, and the
// checks at the boundary), whose ImportCollector (import-collector.ts) maps labels and attributes
// onto the schema and lists what the schema does not know.
import { decodeUtf8 } from '../import/decode'
import type { ImportFile } from './import-types'

export { ImportCollector, isId, toId } from './import-collector'
export { DocumentBuilder, blocksOf, type SpanSource } from './document-builder'

/**
 * A file's text: strict UTF-8 (a leading byte-order mark dropped), line ends untouched since
 * offsets count them. Throws an ImportError naming the file and the offset of the first bad byte
 * for invalid UTF-8, and naming the file for UTF-16 or NUL characters (docs/FORMAT.md's rule).
 */
export function fileText(file: ImportFile): string {
  if (typeof file.data !== 'string') return decodeUtf8(file.path, file.data)
  return file.data.charCodeAt(0) === 0xfeff ? file.data.slice(1) : file.data
}

/** Parses JSON, or throws an error naming the file and where it broke. */
export function parseJson(file: ImportFile, text = fileText(file), line?: number): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    const where = line === undefined ? '' : ` line ${line}:`
    throw new Error(`${file.path}:${where} not valid JSON (${(error as Error).message})`, {
      cause: error,
    })
  }
}

/** A plain object, or null. */
export function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null
}

/** The stem of a path's file name (`a/b/doc-1.ann` → `doc-1`). */
export function stemOf(path: string): string {
  const name = path.split('/').pop() ?? path
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(0, dot) : name
}
