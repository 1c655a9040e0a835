// Bytes to canonical text, shared by every importer. The canonical text is the decoded UTF-8 with
// the byte-order mark removed and every CRLF or lone CR turned into LF; nothing else changes (no
// Unicode normalisation), so offsets computed on it stay exact. See docs/FORMAT.md.
import { ImportError } from './errors'

/**
 * Decodes UTF-8 strictly and normalises line ends. Throws ImportError naming the file for invalid
 * UTF-8 (with the offset of the first bad byte), UTF-16 files and binary files (NUL characters).
 */
export function decodeText(file: string, data: Uint8Array): string {
  return normaliseNewlines(decodeUtf8(file, data))
}

/**
 * The strict half of `decodeText`, for files whose line ends must stay as they are (annotation
 * imports count offsets against them): UTF-8 only, BOM removed, NUL refused.
 */
export function decodeUtf8(file: string, data: Uint8Array): string {
  if (startsWith(data, [0xff, 0xfe]) || startsWith(data, [0xfe, 0xff])) {
    throw new ImportError(file, 'is UTF-16 encoded; save it as UTF-8 and import it again')
  }
  let text: string
  try {
    // ignoreBOM: keep the BOM in the output so we remove it ourselves, visibly, below.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(data)
  } catch {
    throw new ImportError(
      file,
      `is not valid UTF-8 (first bad byte at offset ${firstInvalidByte(data)}); save it as UTF-8`,
    )
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  if (text.includes('\u0000')) {
    throw new ImportError(file, 'contains NUL characters; it does not look like a text file')
  }
  return text
}

/** Turns CRLF and lone CR into LF. */
export function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n')
}

function startsWith(data: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => data[i] === b)
}

/**
 * Offset where the first invalid byte sequence starts. The longest prefix that decodes in streaming
 * mode (which tolerates a sequence cut at the end) ends just before the first bad byte; stepping
 * back over a dangling lead byte gives the start of the broken sequence. Only runs on the error path.
 */
function firstInvalidByte(data: Uint8Array): number {
  let lo = 0
  let hi = data.length
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (decodes(data.subarray(0, mid), true)) lo = mid
    else hi = mid - 1
  }
  let start = lo
  while (start > 0 && lo - start < 3 && !decodes(data.subarray(0, start), false)) start--
  return start
}

function decodes(data: Uint8Array, stream: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data, { stream })
    return true
  } catch {
    return false
  }
}
