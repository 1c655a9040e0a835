// Syncing an export's files to disk while the export goes on. An export's output must be on disk
// before it is moved into place (a file that looks complete is complete), and at the end, one by
// one, the 2,000 files of a brat or W3C export took 0.9-1.8 s of waiting after the last document.
// Here each file is synced as soon as it is closed, on libuv's thread pool, while the export writes
// the next ones; the commit waits only for what is left.
//
// Four at a time, as many as the pool has threads. A new file's sync waits for a commit of the
// file system's journal, and ext4 commits the syncs that wait together in one: with two at a time
// the syncs fell behind the export, and its commit still waited 0.3-2.4 s for them; with four
// they keep up, and it waits 20-200 ms (bench:export's worker, 1,000 documents). The reads share
// the pool: one queued behind the syncs waits for the first of them to end, not for all. (The
// pool's size is fixed at its first use, before any of our code runs in the command line, so it
// stays four.)
import { close, closeSync, fsync, open } from 'node:fs'

/** Files synced at once while the export is writing. */
const AT_ONCE = 4
/** Files waiting with their descriptor open; later ones are closed and opened again to sync. */
const OPEN_WAITING = 32

interface Waiting {
  full: string
  /** Its open descriptor, or null: it is opened again when its turn comes. */
  fd: number | null
}

/** Files synced in the background, each once it is written; `done` waits for them all. */
export class BackgroundSync {
  private readonly waiting: Waiting[] = []
  private running = 0
  private failure: Error | null = null
  private readonly idle: (() => void)[] = []

  /** Syncs `full`, whose descriptor `fd` is now this object's (it closes it). */
  add(full: string, fd: number): void {
    if (this.waiting.length >= OPEN_WAITING) {
      closeSync(fd)
      this.waiting.push({ full, fd: null })
    } else this.waiting.push({ full, fd })
    this.next()
  }

  /** Resolves once every file added is synced (and closed); rejects with the first failure. */
  async done(): Promise<void> {
    if (this.running > 0 || this.waiting.length > 0) {
      await new Promise<void>((resolve) => this.idle.push(resolve))
    }
    if (this.failure) throw this.failure
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

  private sync({ full, fd }: Waiting, end: (error: Error | null) => void): void {
    if (fd === null) {
      open(full, 'r+', (error, opened) =>
        error ? end(error) : this.sync({ full, fd: opened }, end),
      )
      return
    }
    fsync(fd, (syncError) => close(fd, (closeError) => end(syncError ?? closeError)))
  }
}
