// JSON written straight into UTF-8 bytes, for a record of known shape with many small fields
// (spaCy's tokens: a document's 600 words are 600 objects of five keys). Building those objects
// and stringifying them, then scanning the line for U+2028 and encoding it, was half of a spaCy
// export's writing; here keys and punctuation are copied, integers written as digits, and a
// string of plain ASCII copied between its quotes, with no object, no string and no second pass.
// Anything else goes through toJsonLine (JSON.stringify, then the line-separator escapes), so
// the bytes are the ones `toJsonLine(record)` gives, encoded as UTF-8.
import type { TextOut } from './types'
import { toJsonLine } from './jsonl'

/** Bytes gathered before they are passed to the file. */
const FLUSH_AT = 1 << 18

/**
 * A JSON writer into a text file's UTF-8: each call appends one piece of the JSON text, and
 * returns the writer for the next.
 */
export class JsonBytes {
  private bytes = Buffer.allocUnsafe(FLUSH_AT * 2)
  private at = 0

  constructor(private readonly out: TextOut) {}

  /** `ascii` as it is: keys and punctuation, written by the caller as JSON (no escaping). */
  raw(ascii: string): this {
    const n = ascii.length
    this.room(n)
    const { bytes } = this
    let at = this.at
    for (let i = 0; i < n; i++) bytes[at++] = ascii.charCodeAt(i)
    this.at = at
    return this
  }

  /** A non-negative integer, as JSON.stringify writes it. */
  int(value: number): this {
    if (!(value >= 0 && value <= 0x7fffffff && Number.isInteger(value))) return this.value(value)
    this.room(10)
    const { bytes } = this
    let at = this.at + digitCount(value)
    this.at = at
    let rest = value
    do {
      const digit = rest % 10
      bytes[--at] = 48 + digit
      rest = (rest - digit) / 10
    } while (rest > 0)
    return this
  }

  /** The JSON string of `text.slice(start, end)`, as toJsonLine writes it. */
  string(text: string, start = 0, end = text.length): this {
    this.room((end - start) * 3 + 2) // a UTF-16 unit is at most 3 bytes of UTF-8
    const { bytes } = this
    let at = this.at
    bytes[at++] = QUOTE
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i)
      // Printable ASCII but the quote and the backslash: the same in JSON and in UTF-8.
      if (c < 0x20 || c > 0x7e || c === QUOTE || c === BACKSLASH) {
        if (c > 0x7e && unescaped(text, i, end)) {
          // Raw in JSON too (words in other scripts, emoji): Buffer encodes the rest.
          at += bytes.write(text.slice(i, end), at, 'utf8')
          bytes[at++] = QUOTE
          this.at = at
          return this
        }
        return this.value(text.slice(start, end))
      }
      bytes[at++] = c
    }
    bytes[at++] = QUOTE
    this.at = at
    return this
  }

  /** Any JSON value, as toJsonLine writes it. */
  value(value: unknown): this {
    const json = toJsonLine(value)
    this.room(json.length * 3)
    this.at += this.bytes.write(json, this.at, 'utf8')
    return this
  }

  /** Passes what is gathered to the file. */
  flush(): void {
    if (this.at === 0) return
    this.out.writeUtf8(this.bytes.subarray(0, this.at))
    this.at = 0
  }

  /** Makes room for `n` more bytes, passing on what is gathered once there is enough. */
  private room(n: number): void {
    if (this.at + n <= this.bytes.length && this.at < FLUSH_AT) return
    this.flush()
    if (n > this.bytes.length) this.bytes = Buffer.allocUnsafe(n)
  }
}

/** The number of decimal digits of `value`, an integer in [0, 2^31). */
function digitCount(value: number): number {
  let digits = 1
  for (let power = 10; power <= value; power *= 10) digits++
  return digits
}

const QUOTE = 0x22
const BACKSLASH = 0x5c

/**
 * Whether toJsonLine writes text[from, end) as it is: no quote, backslash or control character
 * (JSON.stringify escapes those), no U+0085, U+2028 or U+2029 (toJsonLine escapes those), and no
 * surrogate outside a pair (JSON.stringify writes a lone one as \\udxxx).
 */
function unescaped(text: string, from: number, end: number): boolean {
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x20 || c === QUOTE || c === BACKSLASH || c === 0x85 || c === 0x2028 || c === 0x2029)
      return false
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < end ? text.charCodeAt(i + 1) : 0
      if (c > 0xdbff || next < 0xdc00 || next > 0xdfff) return false
      i++
    }
  }
  return true
}
