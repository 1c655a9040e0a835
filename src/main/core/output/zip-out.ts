// Zip files of an export (brat's zip, XLSX, REFI-QDA), written entry by entry: fflate's streaming
// `Zip` lays out the archive (local headers, data descriptors, the central directory) and each
// entry is deflated by Node's own zlib, which is several times faster than a deflate written in
// JavaScript (measured on a 37 MB worksheet at level 6: 0.5 s of CPU against fflate's 1.6 s). An
// entry is compressed in pieces of about 1 MB, each ended with a sync flush, so the pieces join
// into one valid deflate stream (as pigz joins its blocks) and memory stays at one piece.
import { Zip, type AsyncFlateStreamHandler, type ZipInputFile } from 'fflate'
import { constants, crc32, deflateRawSync } from 'node:zlib'
import type { TextOut, ZipOut } from '../formats/types'
import { BufferedText, type ByteTarget } from './text-out'

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

/** One entry of a zip, deflated by zlib as its bytes come. */
class DeflateEntry implements ZipInputFile, ByteTarget {
  readonly compression = 8
  readonly flag: number
  size = 0
  crc = 0
  ondata?: AsyncFlateStreamHandler
  done = false
  private pending: Uint8Array[] = []
  private pendingBytes = 0

  constructor(
    readonly filename: string,
    readonly mtime: Date,
    private readonly level: number,
  ) {
    this.flag = levelFlag(level)
  }

  write(bytes: Uint8Array): void {
    if (bytes.length === 0) return
    this.crc = crc32(bytes, this.crc)
    this.size += bytes.length
    this.pending.push(bytes)
    this.pendingBytes += bytes.length
    if (this.pendingBytes >= PIECE) this.deflate(false)
  }

  close(): void {
    if (this.done) return
    this.done = true
    this.deflate(true)
  }

  private deflate(final: boolean): void {
    const input = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending)
    this.pending = []
    this.pendingBytes = 0
    const finishFlush = final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH
    const compressed = deflateRawSync(input, { level: this.level, finishFlush })
    if (!this.ondata) throw new Error(`zip entry ${this.filename} was not added to a zip`)
    this.ondata(null, compressed, final)
  }
}

/** A zip written to `target`, entry after entry, each stamped with `mtime`. */
export class ZipWriter implements ZipOut {
  private readonly zip: Zip
  private current: DeflateEntry | null = null

  constructor(
    target: ByteTarget,
    private readonly mtime: Date,
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

  close(): void {
    if (this.current && !this.current.done) {
      throw new Error(`zip closed while ${this.current.filename} is open`)
    }
    this.zip.end()
  }
}
