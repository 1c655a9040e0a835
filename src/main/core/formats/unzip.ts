// Reading a zip of import files without trusting it: entries are inflated as a stream and counted
// as they come, and reading stops as soon as one entry inflates past MAX_FILE_BYTES, all of them
// past MAX_ZIP_TOTAL_BYTES, or the zip holds more than MAX_IMPORT_FILES files, so a zip bomb
// (a 1 MB zip of a 1 GiB entry) costs one cap's worth of memory and time, never the whole.
//
// Why fflate's streaming `Unzip`: it is the zip library we already use, it reports each entry's
// inflated bytes chunk by chunk, and because we feed it the zip in small slices, stopping is simply
// not feeding it more: its synchronous inflater has no `terminate`, but one 16 kB slice of deflate
// data inflates to at most about 17 MB, so no single step can run far past the cap. It reads local
// headers, so sizes declared in the zip (which a bomb can fake) are never relied on.
import { Unzip, UnzipInflate } from 'fflate'
import {
  MAX_FILE_BYTES,
  MAX_FILE_SIZE_TEXT,
  MAX_IMPORT_FILES,
  MAX_ZIP_TOTAL_BYTES,
  MAX_ZIP_TOTAL_TEXT,
} from '../../../shared/limits'
import type { ImportFile } from './import-types'

/** What one zip may hold; tests lower them. */
export interface ZipLimits {
  entryBytes: number
  entryText: string
  totalBytes: number
  totalText: string
  entries: number
}

export const ZIP_LIMITS: ZipLimits = {
  entryBytes: MAX_FILE_BYTES,
  entryText: MAX_FILE_SIZE_TEXT,
  totalBytes: MAX_ZIP_TOTAL_BYTES,
  totalText: MAX_ZIP_TOTAL_TEXT,
  entries: MAX_IMPORT_FILES,
}

/** Compressed bytes handed to the inflater at a time. */
const SLICE = 16 * 1024

/**
 * The files inside a zip (folders and macOS `__MACOSX/` entries left out), each path prefixed with
 * the zip's. Throws an Error naming the zip, and the entry when one is at fault: not a zip, an
 * entry that cannot be inflated, or a cap reached (nothing of the zip is returned then).
 */
export function unzipFiles(zip: ImportFile, limits: ZipLimits = ZIP_LIMITS): ImportFile[] {
  const bytes = typeof zip.data === 'string' ? new TextEncoder().encode(zip.data) : zip.data
  const unreadable = (why: string) => new Error(`${zip.path}: not a readable zip file (${why})`)
  if (!isZip(bytes)) throw unreadable('it does not start like a zip')
  const files: ImportFile[] = []
  let total = 0
  // Set in unzip's callbacks, which the compiler's narrowing does not see.
  let failure = null as Error | null
  const fail = (entry: string, why: string) => {
    failure ??= new Error(`${zip.path}: ${entry}: ${why}; nothing was imported from the zip`)
  }
  const unzip = new Unzip((entry) => {
    if (failure || entry.name.endsWith('/') || entry.name.startsWith('__MACOSX/')) return
    if (files.length >= limits.entries) return fail(entry.name, `more than ${limits.entries} files`)
    const chunks: Uint8Array[] = []
    let size = 0
    entry.ondata = (error, data, final) => {
      if (failure) return
      if (error) return fail(entry.name, `cannot be inflated (${error.message})`)
      size += data.length
      total += data.length
      if (size > limits.entryBytes)
        return fail(entry.name, `inflates to more than ${limits.entryText}`)
      if (total > limits.totalBytes)
        return fail(entry.name, `the zip inflates to more than ${limits.totalText} in all`)
      chunks.push(data)
      if (final) files.push({ path: `${zip.path}/${entry.name}`, data: joined(chunks, size) })
    }
    entry.start()
  })
  unzip.register(UnzipInflate)
  try {
    for (let at = 0; at < bytes.length && !failure; at += SLICE) {
      unzip.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length)
    }
  } catch (error) {
    throw unreadable((error as Error).message)
  }
  if (failure) throw failure
  return files
}

/** A zip starts with a local file header, or is an empty zip's end record. */
function isZip(bytes: Uint8Array): boolean {
  const signature = (a: number, b: number) =>
    bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === a && bytes[3] === b
  return signature(3, 4) || signature(5, 6)
}

function joined(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]
  const out = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.length
  }
  return out
}
