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

/** A file whose contents can be read back once it is closed (a scratch file). */
export interface Readback {
  contents(): Iterable<string | Uint8Array>
}

/** UTF-16 units buffered before they are encoded and passed on. */
const FLUSH_AT = 1 << 18

/**
 * The bytes pieces are encoded into for targets that use them at once: one buffer for the thread,
 * so a flush neither allocates nor measures the text before encoding it (Buffer.from does both).
 * A UTF-16 unit takes at most 3 bytes of UTF-8.
 */
let encoded: Buffer | null = null

function encode(text: string, reuse: boolean): Uint8Array {
  const most = text.length * 3
  if (!reuse || most > 4 * FLUSH_AT * 3) return Buffer.from(text, 'utf8')
  if (!encoded || encoded.length < most) encoded = Buffer.allocUnsafe(Math.max(most, FLUSH_AT * 3))
  const length = encoded.write(text, 0, 'utf8')
  return encoded.subarray(0, length)
}

function readback(scratch: TextOut): Iterable<string | Uint8Array> {
  const source = scratch as Partial<Readback>
  if (typeof source.contents !== 'function') throw new Error('append: not a scratch file')
  return source.contents()
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
    if (this.length >= FLUSH_AT) this.flush()
  }

  append(scratch: TextOut): void {
    const { deflated } = scratch as Partial<BufferedText>
    if (deflated) {
      if (!this.target.appendDeflated)
        throw new Error('append: a deflated part goes in a zip entry')
      this.flush()
      this.target.appendDeflated(deflated)
      return
    }
    for (const chunk of readback(scratch)) {
      if (typeof chunk === 'string') this.write(chunk)
      else {
        this.flush()
        this.target.write(chunk)
      }
    }
  }

  close(): void {
    if (this.closed) return
    this.flush()
    this.closed = true
    this.target.close()
  }

  private flush(): void {
    if (this.length === 0) return
    const text = this.parts.length === 1 ? this.parts[0] : this.parts.join('')
    this.parts = []
    this.length = 0
    this.target.write(encode(text, this.target.usesAtOnce === true))
  }
}

/** A text file kept in memory as strings; it can be read back (a scratch file in memory). */
export class StringText implements TextOut, Readback {
  private readonly parts: string[] = []
  private decoder: TextDecoder | null = null
  closed = false

  write(text: string): void {
    if (this.closed) throw new Error('write after close')
    this.parts.push(text)
  }

  append(scratch: TextOut): void {
    for (const chunk of readback(scratch)) {
      if (typeof chunk === 'string') this.write(chunk)
      else {
        this.decoder ??= new TextDecoder()
        this.write(this.decoder.decode(chunk, { stream: true }))
      }
    }
  }

  close(): void {
    this.closed = true
  }

  contents(): Iterable<string> {
    return this.parts
  }

  /** Everything written, as one string. */
  text(): string {
    return this.parts.join('')
  }
}
