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

/**
 * Calls `each` with every JSON record of every file, numbered from 1 (its line, or its place in
 * the array): the elements of a top-level array, else one record per non-empty line (`lines`,
 * JSON Lines) or the file's one value (`document`). A record that is not JSON throws, naming the
 * file and line.
 */
export function eachJsonRecord(
  files: readonly ImportFile[],
  shape: 'lines' | 'document',
  each: (file: ImportFile, record: unknown, number: number) => void,
): void {
  for (const file of files) {
    const text = fileText(file)
    if (shape === 'document' || text.trimStart().startsWith('[')) {
      const all = parseJson(file, text)
      const records = Array.isArray(all) ? all : shape === 'document' ? [all] : []
      records.forEach((record, i) => each(file, record, i + 1))
      continue
    }
    text.split('\n').forEach((raw, i) => {
      if (raw.trim() !== '') each(file, parseJson(file, raw, i + 1), i + 1)
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
