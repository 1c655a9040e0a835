// Zip files of an export (brat's zip, XLSX, REFI-QDA), written entry by entry: fflate's streaming
// `Zip` lays out the archive (local headers, data descriptors, the central directory) and each
// entry is deflated by Node's own zlib, which is several times faster than a deflate written in
// JavaScript (measured on a 37 MB worksheet at level 6: 0.5 s of CPU against fflate's 1.6 s). An
// entry is compressed in pieces of about 1 MB, each ended with a sync flush, so the pieces join
// into one valid deflate stream (as pigz joins its blocks) and memory stays at one piece.
// The same joining lets a part of an entry be compressed before the entry starts (`part`): REFI-QDA
// writes its sources as the documents come, and they follow a header known only at the end.
import { Zip, type AsyncFlateStreamHandler, type ZipInputFile } from 'fflate'
import { constants, crc32, deflateRawSync } from 'node:zlib'
import type { TextOut, ZipOut } from '../formats/types'
import { BufferedText, type ByteTarget, type DeflatedBytes, type ScratchBytes } from './text-out'

/**
 * zlib's compression level for zip entries (1 fastest … 9 smallest). Level 1 took a third less CPU
 * than the default 6 on the XLSX and REFI-QDA exports of 100,000 spans, for files 12-15% larger.
 */
export const ZIP_LEVEL = 1
/** Bytes of an entry compressed at a time. */
const PIECE = 1 << 20

/** The deflate option bits of a zip header (APPNOTE 4.4.4) for a compression level. */
function levelFlag(level: number): number {
  return level === 1 ? 3 : level < 6 ? 2 : level === 9 ? 1 : 0
}

/** CRC-32's polynomial, bit-reversed (as zip's CRC is computed, low bit first). */
const POLY = 0xedb88320

/**
 * a(x)·b(x) modulo the CRC's polynomial, each a polynomial over GF(2) in the CRC's reflected
 * order (the bit 1 << 31 is x⁰).
 */
function multModP(a: number, b: number): number {
  let product = 0
  for (let m = 0x80000000; m !== 0 && a !== 0; m >>>= 1) {
    if (a & m) {
      product ^= b
      a ^= m
    }
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1
  }
  return product >>> 0
}

/** x^(2^k) modulo the polynomial, for k = 0…63 (a length in bytes has at most 53 bits). */
const X2N: number[] = [0x40000000] // x¹
for (let k = 1; k < 64; k++) X2N.push(multModP(X2N[k - 1], X2N[k - 1]))

/** x^(8·bytes) modulo the polynomial: what `bytes` more bytes multiply a CRC register by. */
function xPowBytes(bytes: number): number {
  let power = 0x80000000 // x⁰
  for (let k = 3, n = bytes; n > 0; k++, n = Math.floor(n / 2)) {
    if (n % 2 === 1) power = multModP(X2N[k], power)
  }
  return power
}

/**
 * The CRC-32 of bytes A followed by bytes B, from A's CRC, B's CRC and B's length (zlib's
 * crc32_combine, which Node does not expose). Appending n bytes to A multiplies A's CRC register
 * by x^(8n) modulo the polynomial (the pre- and post-conditioning of the two CRCs cancel out in
 * the sum), so crc(A‖B) = crc(A)·x^(8n) + crc(B), the power found by squaring: a few hundred
 * steps whatever the length, where running crc32 over n zero bytes took 26 ms for REFI-QDA's
 * 60 MB of sources.
 */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  return (multModP(xPowBytes(lengthB), crcA) ^ crcB) >>> 0
}

/**
 * Bytes deflated by zlib in pieces of about 1 MB as they come, each piece ended with a sync flush
 * (the last one, if `final`, with the stream's end), counted and CRC'd as they come; `emit` takes
 * each compressed piece.
 */
abstract class PieceDeflater implements ByteTarget {
  size = 0
  crc = 0
  /**
   * The bytes are copied into `pending` on `write`, so the text writing them may encode into one
   * reused buffer (text-out.ts): a copy costs less than a new buffer per flush, measured first.
   */
  readonly usesAtOnce = true
  private pending = Buffer.alloc(0)
  private pendingBytes = 0

  constructor(private readonly level: number) {}

  protected abstract emit(compressed: Uint8Array<ArrayBuffer>, final: boolean): void

  abstract close(): void

  write(bytes: Uint8Array): void {
    if (bytes.length === 0) return
    this.crc = crc32(bytes, this.crc)
    this.size += bytes.length
    const needed = this.pendingBytes + bytes.length
    if (needed > this.pending.length) {
      const grown = Buffer.allocUnsafe(Math.max(needed, 2 * this.pending.length, 1 << 14))
      this.pending.copy(grown, 0, 0, this.pendingBytes)
      this.pending = grown
    }
    this.pending.set(bytes, this.pendingBytes)
    this.pendingBytes = needed
    if (this.pendingBytes >= PIECE) this.deflate(false)
  }

  /** Compresses what is pending: a piece ended by a sync flush, or the stream's last. */
  protected deflate(final: boolean): void {
    if (!final && this.pendingBytes === 0) return
    const input = this.pending.subarray(0, this.pendingBytes)
    this.pendingBytes = 0
    const finishFlush = final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH
    this.emit(deflateRawSync(input, { level: this.level, finishFlush }), final)
  }
}

/** One entry of a zip, deflated by zlib as its bytes come. */
class DeflateEntry extends PieceDeflater implements ZipInputFile {
  readonly compression = 8
  readonly flag: number
  ondata?: AsyncFlateStreamHandler
  done = false

  constructor(
    readonly filename: string,
    readonly mtime: Date,
    level: number,
  ) {
    super(level)
    this.flag = levelFlag(level)
  }

  protected emit(compressed: Uint8Array<ArrayBuffer>, final: boolean): void {
    if (!this.ondata) throw new Error(`zip entry ${this.filename} was not added to a zip`)
    this.ondata(null, compressed, final)
  }

  /** Appends a part compressed ahead (see `ZipWriter.part`): its pieces as they are. */
  appendDeflated(part: DeflatedBytes): void {
    this.deflate(false)
    for (const compressed of part.chunks()) this.emit(compressed, false)
    this.crc = crc32Combine(this.crc, part.crc, part.size)
    this.size += part.size
  }

  close(): void {
    if (this.done) return
    this.done = true
    this.deflate(true)
  }
}

/**
 * Text to be appended to an entry of the zip later, deflated as it is written into `store` (a
 * scratch file): only its compressed bytes are kept, and appending copies them.
 */
class DeflatedPart extends PieceDeflater implements DeflatedBytes {
  private closed = false

  constructor(
    private readonly store: ScratchBytes,
    level: number,
  ) {
    super(level)
  }

  protected emit(compressed: Uint8Array<ArrayBuffer>): void {
    this.store.write(compressed)
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.deflate(false)
    this.store.close()
  }

  chunks(): Iterable<Uint8Array<ArrayBuffer>> {
    if (!this.closed) throw new Error('append: the deflated part is still open')
    return this.store.contents()
  }
}

/** A zip written to `target`, entry after entry, each stamped with `mtime`. */
export class ZipWriter implements ZipOut {
  private readonly zip: Zip
  private current: DeflateEntry | null = null

  /** `scratch`: where `part` keeps its compressed bytes (a scratch file, or memory). */
  constructor(
    target: ByteTarget,
    private readonly mtime: Date,
    private readonly scratch: () => ScratchBytes = memoryScratch,
    private readonly level = ZIP_LEVEL,
  ) {
    this.zip = new Zip((error, chunk, final) => {
      if (error) throw error
      target.write(chunk)
      if (final) target.close()
    })
  }

  entry(name: string): TextOut {
    if (this.current && !this.current.done) {
      // fflate would hold the new entry's bytes in memory until the open one ends.
      throw new Error(`zip entry ${name} started while ${this.current.filename} is open`)
    }
    const entry = new DeflateEntry(name, this.mtime, this.level)
    this.zip.add(entry)
    this.current = entry
    return new BufferedText(entry)
  }

  part(): TextOut {
    const part = new DeflatedPart(this.scratch(), this.level)
    return new BufferedText(part, part)
  }

  close(): void {
    if (this.current && !this.current.done) {
      throw new Error(`zip closed while ${this.current.filename} is open`)
    }
    this.zip.end()
  }
}

/** Bytes kept in memory, for a zip written without scratch files (tests, an XLSX in memory). */
function memoryScratch(): ScratchBytes {
  const chunks: Uint8Array<ArrayBuffer>[] = []
  return { write: (bytes) => chunks.push(bytes), close: () => undefined, contents: () => chunks }
}
