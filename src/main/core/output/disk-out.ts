// An export's files on disk, written where no reader looks until they are complete: a file export
// goes to a temporary sibling of its file, a folder export into a temporary sibling folder, and
// scratch files are temporary siblings too (export-output.ts names them, so the next export to the
// same place removes what a killed one left). Each output file is synced as soon as it is written,
// in the background (background-sync.ts), and a small one (most of brat's and W3C's 2,000) is even
// created and written there, whole, once closed; `commit` waits for those, then moves the output
// and its manifest into place; `discard` removes every temporary file. Other writes are
// synchronous: an export runs in a worker thread (workers/), whose only other task is to hear a
// Cancel between documents. A file that could not be created in the background stops the export
// at its next file, or at the commit, with the file's name.
//
// What a crash leaves: before the commit's renames, only temporary siblings (the next export to
// the same place removes them) beside the earlier export, untouched; the renames happen only once
// every file and the manifest are on disk, so a file under the output's name is complete.
import { createHash, type Hash } from 'node:crypto'
import { closeSync, fsyncSync, mkdirSync, openSync, readSync } from 'node:fs'
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import type { ExportManifest } from '../../../shared/ipc-contract'
import {
  FOLDER_MANIFEST,
  checkReplaceable,
  cleanSiblings,
  inside,
  replaceFolder,
  siblingName,
} from '../export-output'
import { syncFolder } from '../storage/durable-write'
import type { ExportOut, TextOut, ZipOut } from '../formats/types'
import { BackgroundSync, QUEUED_AT_MOST, writeAll } from './background-sync'
import { BufferedText, type ByteTarget } from './text-out'
import { ZipWriter } from './zip-out'

/**
 * An output file of at most this many bytes is held in memory and handed whole to the background
 * syncs when it is closed (they create, write and sync it); a larger one is opened once it passes.
 */
const HELD_AT_MOST = 1 << 20

/**
 * A file being written, counted and (for output files) hashed as its bytes come. A scratch file's
 * bytes go straight to disk; an output file's are held until it is closed (then created in the
 * background) or passes HELD_AT_MOST (then they go straight to disk).
 */
class DiskFile implements ByteTarget {
  private fd: number | null = null
  private readonly hash: Hash | null
  /** An output file's bytes while it is not opened (copies: the caller reuses its buffer). */
  private held: Buffer[] | null = null
  private heldBytes = 0
  private ended = false
  bytes = 0
  /** `write` is done with the bytes before it returns. */
  readonly usesAtOnce = true

  /** `syncs`: an output file's, which syncs it once it is closed (a scratch file is not synced). */
  constructor(
    readonly full: string,
    private readonly syncs: BackgroundSync | null,
  ) {
    if (syncs) this.held = []
    else this.fd = openSync(full, 'wx', 0o644)
    this.hash = syncs ? createHash('sha256') : null
  }

  get closed(): boolean {
    return this.ended
  }

  write(bytes: Uint8Array): void {
    if (this.ended) throw new Error(`${this.full}: write after close`)
    this.hash?.update(bytes)
    this.bytes += bytes.length
    if (this.held && this.heldBytes + bytes.length <= HELD_AT_MOST) {
      this.held.push(Buffer.from(bytes))
      this.heldBytes += bytes.length
      return
    }
    writeAll(this.open(), bytes)
  }

  close(): void {
    if (this.ended) return
    this.ended = true
    const held = this.held
    if (held && this.syncs && this.syncs.queuedBytes + this.heldBytes <= QUEUED_AT_MOST) {
      this.held = null
      this.syncs.addFile(this.full, held.length === 1 ? held[0] : Buffer.concat(held))
      return
    }
    const fd = this.open()
    this.fd = null
    if (this.syncs) this.syncs.add(this.full, fd)
    else closeSync(fd)
  }

  /** Ends the file without writing what is held (an export being discarded removes it). */
  drop(): void {
    this.ended = true
    this.held = null
    if (this.fd !== null) closeSync(this.fd)
    this.fd = null
  }

  sha256(): string {
    if (!this.hash) throw new Error(`${this.full}: not hashed`)
    return this.hash.digest('hex')
  }

  /** The file's descriptor, creating it (with what was held) if it is not open yet. */
  private open(): number {
    if (this.fd !== null) return this.fd
    const fd = openSync(this.full, 'wx', 0o644)
    this.fd = fd
    for (const bytes of this.held ?? []) writeAll(fd, bytes)
    this.held = null
    return fd
  }
}

/** The bytes of a closed scratch file, read back a piece at a time. */
function* readBack(file: DiskFile): Iterable<Uint8Array<ArrayBuffer>> {
  if (!file.closed) throw new Error('append: the scratch file is still open')
  const fd = openSync(file.full, 'r')
  try {
    const buffer = Buffer.alloc(1 << 20)
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null)
      if (read === 0) return
      yield buffer.subarray(0, read)
    }
  } finally {
    closeSync(fd)
  }
}

/** A file export (one file beside its manifest) or a folder export, being written. */
export class DiskOut implements ExportOut {
  private readonly files: { path: string; file: DiskFile }[] = []
  /** The paths of `files`, and the folders made for them (brat and W3C write 2,000 files). */
  private readonly paths = new Set<string>()
  private readonly folders = new Set<string>()
  private readonly scratches: DiskFile[] = []
  private readonly syncs = new BackgroundSync()

  private constructor(
    readonly target: string,
    readonly kind: 'file' | 'folder',
    private readonly temp: string,
    private readonly existing: boolean,
  ) {}

  /**
   * Prepares to write `target`: removes what an interrupted export left beside it and, for a
   * folder, checks that it may be replaced (see checkReplaceable) before anything is written.
   */
  static async open(target: string, kind: 'file' | 'folder'): Promise<DiskOut> {
    if (kind === 'file' && (await stat(target).catch(() => null))?.isDirectory()) {
      throw new Error(`${target}: is a folder; give a file name`)
    }
    await mkdir(path.dirname(target), { recursive: true })
    await cleanSiblings(target)
    const existing = kind === 'folder' && (await checkReplaceable(target))
    const temp = siblingName(target, 'new')
    if (kind === 'folder') await mkdir(temp)
    return new DiskOut(target, kind, temp, existing)
  }

  file(relative: string): TextOut {
    return new BufferedText(this.create(relative))
  }

  zip(relative: string, mtime: Date): ZipOut {
    return new ZipWriter(this.create(relative), mtime, () => {
      const file = this.scratchFile()
      return {
        write: (b) => file.write(b),
        close: () => file.close(),
        contents: () => readBack(file),
      }
    })
  }

  private scratchFile(): DiskFile {
    const file = new DiskFile(siblingName(this.target, 'new'), null)
    this.scratches.push(file)
    return file
  }

  /** The manifest's `files`: each file written (a file export's under its own name). */
  digests(): NonNullable<ExportManifest['files']> {
    if (this.kind === 'file' && this.files.length !== 1) {
      throw new Error(`the format produced ${this.files.length} files for a file export`)
    }
    return this.files.map(({ path: name, file }) => {
      if (!file.closed) throw new Error(`export file ${name} was not closed`)
      return { path: name, bytes: file.bytes, sha256: file.sha256() }
    })
  }

  /**
   * Syncs the output and moves it into place with its manifest: a file export's manifest is
   * `manifestPath`, a folder's is written inside it. Either all of it replaces what was there, or
   * (on an error) none of it does.
   */
  async commit(manifestText: string, manifestPath: string): Promise<void> {
    // Removing a scratch file of tens of MB waits for the kernel (0.85 s for REFI-QDA's on the
    // loaded machine): it goes on while the output's last files are synced.
    const removed = this.removeScratches()
    if (this.kind === 'folder') {
      writeSynced(path.join(this.temp, FOLDER_MANIFEST), manifestText)
      await Promise.all([this.syncs.done(), removed])
      await syncFolder(this.temp)
      await replaceFolder(this.temp, this.target, this.existing)
      return
    }
    await cleanSiblings(manifestPath)
    const manifestTemp = siblingName(manifestPath, 'new')
    try {
      writeSynced(manifestTemp, manifestText)
      await Promise.all([this.syncs.done(), removed])
      await rename(this.temp, this.target)
      await rename(manifestTemp, manifestPath)
    } finally {
      await rm(manifestTemp, { force: true })
    }
    await syncFolder(path.dirname(this.target))
  }

  /** Removes everything written so far; the earlier export (if any) is as it was. */
  async discard(): Promise<void> {
    for (const { file } of this.files) file.drop()
    const abandoned = this.syncs.abandon() // what was not created yet never is
    await Promise.all([this.removeScratches(), abandoned])
    await rm(this.temp, { recursive: true, force: true })
  }

  private create(relative: string): DiskFile {
    this.syncs.check() // a file that could not be written in the background stops the export
    if (this.paths.has(relative)) throw new Error(`export file ${relative} written twice`)
    let full = this.temp
    let name = path.basename(this.target)
    if (this.kind === 'folder') {
      full = inside(this.temp, relative)
      name = relative
      const folder = path.dirname(full)
      if (!this.folders.has(folder)) mkdirSync(folder, { recursive: true })
      this.folders.add(folder)
    } else if (this.files.length > 0) {
      throw new Error('the format produced more than one file for a file export')
    }
    const file = new DiskFile(full, this.syncs)
    this.files.push({ path: name, file })
    this.paths.add(name)
    return file
  }

  private async removeScratches(): Promise<void> {
    const scratches = this.scratches.splice(0)
    for (const scratch of scratches) scratch.close()
    await Promise.all(scratches.map((scratch) => rm(scratch.full, { force: true })))
  }
}

function writeSynced(file: string, text: string): void {
  const fd = openSync(file, 'wx', 0o644)
  try {
    writeAll(fd, Buffer.from(text, 'utf8'))
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}
