// Text files of an export, written in pieces: a format writes strings as it goes, and they reach
// their file (on disk, in a zip entry) encoded as UTF-8 in large pieces, so a format can write a
// cell at a time without a system call or an encoder call per cell. In memory (tests, small
// exports) the strings are kept as they are.
import type { TextOut } from '../formats/types'

/** Where a file's bytes go: a file on disk, a zip entry, a zip in memory. */
export interface ByteTarget {
  /**
   * Takes `bytes`; unless `usesAtOnce`, it may keep them (bytes collected in memory).
   */
  write(bytes: Uint8Array): void
  close(): void
  /**
   * True when `write` is done with the bytes on return (a file on disk, a zip entry, which copies
   * them): they may be reused.
   */
  readonly usesAtOnce?: boolean
  /** Takes a part compressed ahead, as its own compressed bytes (a zip entry: see zip-out.ts). */
  appendDeflated?(part: DeflatedBytes): void
}

/** Bytes kept aside and read back once closed: a scratch file, or chunks in memory. */
export interface ScratchBytes extends ByteTarget {
  write(bytes: Uint8Array<ArrayBuffer>): void
  contents(): Iterable<Uint8Array<ArrayBuffer>>
}

/** Text deflated ahead of the zip entry it will be part of: its compressed bytes, CRC and size. */
export interface DeflatedBytes {
  /** The CRC-32 and the length of the text's bytes before compression. */
  readonly crc: number
  readonly size: number
  chunks(): Iterable<Uint8Array<ArrayBuffer>>
}

/** UTF-16 units buffered before they are encoded and passed on. */
const FLUSH_AT = 1 << 18

/**
 * The bytes pieces are encoded into for targets that use them at once: one buffer for the thread,
 * so a flush neither allocates nor measures the text before encoding it (Buffer.from does both).
 * A UTF-16 unit takes at most 3 bytes of UTF-8.
 */
let encoded: Buffer | null = null

/**
 * The UTF-8 of `parts` (`length` UTF-16 units in all), in one piece. Where the target uses the
 * bytes at once, each part is encoded straight into the thread's buffer, one after the other:
 * joining them first copied every part once more (a third of a spaCy export's writing). A part
 * that ends on a pair's first half comes out as U+FFFD (EF BF BD); as the pair may end in the
 * next part, such parts are encoded joined, so a pair is never encoded in halves. (Testing each
 * part's last character instead would flatten every part that is a concatenation, at a cost.)
 */
function encode(parts: string[], length: number, reuse: boolean): Uint8Array {
  const most = length * 3
  if (reuse && most <= 4 * FLUSH_AT * 3) {
    if (!encoded || encoded.length < most) {
      encoded = Buffer.allocUnsafe(Math.max(most, FLUSH_AT * 3))
    }
    const bytes = encoded
    let at = 0
    let halves = false
    for (const part of parts) {
      at += bytes.write(part, at, 'utf8')
      halves = at >= 3 && bytes[at - 1] === 0xbd && bytes[at - 2] === 0xbf && endsInPair(part)
      if (halves) break
    }
    if (!halves) return bytes.subarray(0, at)
  }
  return Buffer.from(parts.length === 1 ? parts[0] : parts.join(''), 'utf8')
}

/** Whether `part` ends with a high surrogate (the first half of a pair the next part may end). */
function endsInPair(part: string): boolean {
  const last = part.charCodeAt(part.length - 1)
  return last >= 0xd800 && last <= 0xdbff
}

/** A text file over a ByteTarget: strings are buffered, then encoded in large pieces. */
export class BufferedText implements TextOut {
  private parts: string[] = []
  private length = 0
  private closed = false

  /** `deflated`: what appending this text to a zip entry copies, when it is deflated ahead. */
  constructor(
    private readonly target: ByteTarget,
    readonly deflated?: DeflatedBytes,
  ) {}

  write(text: string): void {
    if (this.closed) throw new Error('write after close')
    this.parts.push(text)
    this.length += text.length
    // A write that ends inside a surrogate pair waits for the next, which ends the pair.
    if (this.length >= FLUSH_AT && !endsInPair(text)) this.flush()
  }

  writeUtf8(bytes: Uint8Array): void {
    if (this.closed) throw new Error('write after close')
    this.flush()
    this.target.write(this.target.usesAtOnce === true ? bytes : bytes.slice())
  }

  append(part: TextOut): void {
    const { deflated } = part as Partial<BufferedText>
    if (!deflated) throw new Error('append: only a part of a zip (ZipOut.part) can be appended')
    if (!this.target.appendDeflated) throw new Error('append: a deflated part goes in a zip entry')
    this.flush()
    this.target.appendDeflated(deflated)
  }

  close(): void {
    if (this.closed) return
    this.flush()
    this.closed = true
    this.target.close()
  }

  private flush(): void {
    if (this.length === 0) return
    const { parts, length } = this
    this.parts = []
    this.length = 0
    this.target.write(encode(parts, length, this.target.usesAtOnce === true))
  }
}

/** A text file kept in memory as strings (an export in memory: tests, small exports). */
export class StringText implements TextOut {
  private readonly parts: string[] = []
  closed = false

  write(text: string): void {
    if (this.closed) throw new Error('write after close')
    this.parts.push(text)
  }

  writeUtf8(bytes: Uint8Array): void {
    // Whole characters: no state to keep; a leading U+FEFF is text here, not a mark to drop.
    this.write(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes))
  }

  append(): void {
    throw new Error('append: a deflated part goes in a zip entry')
  }

  close(): void {
    this.closed = true
  }

  /** Everything written, as one string. */
  text(): string {
    return this.parts.join('')
  }
}
