// An export's files in memory: what `format.export(input)` returns (tests, small exports). It runs
// the same writer as the export to disk, so what the tests see is what a user's file holds.
import type { ExportOut, ExportedFile, TextOut, ZipOut } from '../formats/types'
import { StringText, type ByteTarget } from './text-out'
import { ZipWriter } from './zip-out'

/** Bytes collected in memory (a zip's). */
class ByteChunks implements ByteTarget {
  readonly chunks: Uint8Array[] = []
  closed = false
  write(bytes: Uint8Array): void {
    this.chunks.push(bytes)
  }
  close(): void {
    this.closed = true
  }
  bytes(): Uint8Array {
    return new Uint8Array(Buffer.concat(this.chunks))
  }
}

type MemoryFile = { path: string; text: StringText } | { path: string; zip: ByteChunks }

/** The output of an export, kept in memory in the order its files were started. */
export class MemoryOut implements ExportOut {
  private readonly files: MemoryFile[] = []

  file(path: string): TextOut {
    this.claim(path)
    const text = new StringText()
    this.files.push({ path, text })
    return text
  }

  zip(path: string, mtime: Date): ZipOut {
    this.claim(path)
    const zip = new ByteChunks()
    this.files.push({ path, zip })
    return new ZipWriter(zip, mtime)
  }

  /** The files, text as strings and zips as bytes; every one must have been closed. */
  result(): ExportedFile[] {
    return this.files.map((f) => {
      if ('text' in f) {
        if (!f.text.closed) throw new Error(`export file ${f.path} was not closed`)
        return { path: f.path, data: f.text.text() }
      }
      if (!f.zip.closed) throw new Error(`export file ${f.path} was not closed`)
      return { path: f.path, data: f.zip.bytes() }
    })
  }

  private claim(path: string): void {
    if (this.files.some((f) => f.path === path))
      throw new Error(`export file ${path} written twice`)
  }
}
