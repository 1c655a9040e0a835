// Syncing an export's files to disk while the export goes on. An export's output must be on disk
// before it is moved into place (a file that looks complete is complete), and at the end, one by
// one, the 2,000 files of a brat or W3C export took 0.9-1.8 s of waiting after the last document.
// Here each file is synced as soon as it is closed, on libuv's thread pool, while the export writes
// the next ones; the commit waits only for what is left.
//
// A small file (most of brat's and W3C's) is not even created by the export's thread: its bytes
// come here once it is closed (`addFile`), and it is created ('wx') on the pool, then synced there.
// Creating a file waits for ext4's journal while the syncs commit (0.25-3.6 s for 2,000 files, in
// the export's thread, before); on the pool that waiting overlaps the export's reading and
// formatting of the next documents. The bytes waiting are bounded (QUEUED_AT_MOST): past that, the
// export's thread creates and writes the next file itself, which holds it back until the pool
// catches up.
//
// Only the steps that wait for the journal (the create, the sync) go to the pool. Each one's
// callback runs when the export's thread comes back to its event loop (between documents, when a
// read is not ready), so the short steps (a write into the page cache, a close) are done in that
// callback at once: as trips of their own they doubled the trips per file, and the files fell
// behind the export (tails of 0.5-3.5 s after the last document, bench:export's worker).
//
// Four files at a time, as many as the pool has threads. A new file's sync waits for a commit of
// the file system's journal, and ext4 commits the syncs that wait together in one: with two at a
// time the syncs fell behind the export; with four they keep up. The reads share the pool: one
// queued behind the files waits for the first step under way to end, not for a whole file. (The
// pool's size is fixed at its first use, before any of our code runs in the command line, so it
// stays four.)
import { closeSync, fsync, open, writeSync } from 'node:fs'

/** Files synced (or created, written and synced) at once while the export is writing. */
const AT_ONCE = 4
/** Files waiting with their descriptor open; later ones are closed and opened again to sync. */
const OPEN_WAITING = 32
/** Bytes of files waiting to be created here, past which the export's thread writes the next. */
export const QUEUED_AT_MOST = 16 << 20

interface Waiting {
  full: string
  /** Its open descriptor, or null: it is opened again (or created) when its turn comes. */
  fd: number | null
  /** A file not created yet: its whole contents, written when its turn comes. */
  bytes?: Uint8Array
}

/** Files synced in the background, each once it is written; `done` waits for them all. */
export class BackgroundSync {
  private readonly waiting: Waiting[] = []
  private running = 0
  private failure: Error | null = null
  private readonly idle: (() => void)[] = []
  /** The bytes of the files waiting to be created (`addFile`), or being created. */
  queuedBytes = 0

  /** Syncs `full`, whose descriptor `fd` is now this object's (it closes it). */
  add(full: string, fd: number): void {
    if (this.waiting.length >= OPEN_WAITING) {
      closeSync(fd)
      this.waiting.push({ full, fd: null })
    } else this.waiting.push({ full, fd })
    this.next()
  }

  /** Creates `full` (it must not exist yet) holding `bytes`, and syncs it. */
  addFile(full: string, bytes: Uint8Array): void {
    this.queuedBytes += bytes.length
    this.waiting.push({ full, fd: null, bytes })
    this.next()
  }

  /** Throws the first failure so far (naming its file), if any: the export stops there. */
  check(): void {
    if (this.failure) throw this.failure
  }

  /** Resolves once every file added is synced (and closed); rejects with the first failure. */
  async done(): Promise<void> {
    if (this.running > 0 || this.waiting.length > 0) {
      await new Promise<void>((resolve) => this.idle.push(resolve))
    }
    this.check()
  }

  /**
   * Drops the files not started yet (an export being discarded: they are not created, and those
   * open are closed), then waits for those under way; resolves even if one failed.
   */
  async abandon(): Promise<void> {
    for (const { fd, bytes } of this.waiting.splice(0)) {
      if (fd !== null) closeSync(fd)
      this.queuedBytes -= bytes?.length ?? 0
    }
    await this.done().catch(() => undefined)
  }

  private next(): void {
    while (this.running < AT_ONCE && this.waiting.length > 0) {
      const file = this.waiting.shift()!
      this.running++
      this.sync(file, (error) => {
        if (error && !this.failure) this.failure = new Error(`${file.full}: ${error.message}`)
        this.running--
        this.next()
        if (this.running === 0 && this.waiting.length === 0) {
          for (const resolve of this.idle.splice(0)) resolve()
        }
      })
    }
  }

  /** Creates (if it has `bytes`) and writes, syncs and closes a file (see the top). */
  private sync({ full, fd, bytes }: Waiting, end: (error: Error | null) => void): void {
    if (bytes) {
      const written = (error: Error | null) => {
        this.queuedBytes -= bytes.length
        end(error)
      }
      open(full, 'wx', 0o644, (error, created) => {
        if (error) return written(error)
        try {
          writeAll(created, bytes)
        } catch (writeError) {
          closeSync(created)
          return written(writeError as Error)
        }
        this.sync({ full, fd: created }, written)
      })
      return
    }
    if (fd === null) {
      open(full, 'r+', (error, opened) =>
        error ? end(error) : this.sync({ full, fd: opened }, end),
      )
      return
    }
    fsync(fd, (syncError) => {
      let closeError: Error | null = null
      try {
        closeSync(fd)
      } catch (error) {
        closeError = error as Error
      }
      end(syncError ?? closeError)
    })
  }
}

/** Writes all of `bytes` to `fd`, however many writes it takes. */
export function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done)
}
