// A file system for the app's projects that a test can turn against the app while it runs: every
// write under a folder fails with the error a full disk (ENOSPC) or a read-only folder (EROFS)
// gives, as Node reports it. Tests run as root, where chmod stops no write, so this is how a spec
// makes a document's file unwritable. Reads always go through.
import { nodeFs, type StorageFs, type StorageHandle } from '../../src/main/core/storage'

const MESSAGES: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
}

type Code = keyof typeof MESSAGES

/** The switchable faults and the file system that obeys them. */
export class StorageFaults {
  private rule: { under: string; code: Code } | null = null

  /** From now on every write under `folder` fails with `code`. */
  failWrites(folder: string, code: Code): void {
    this.rule = { under: folder, code }
  }

  /** Writes work again (space freed, the folder writable again). */
  clear(): void {
    this.rule = null
  }

  /** Throws the fault's error when `file` is under the failing folder. */
  private check(file: string, syscall: string, onHandle = false): void {
    const rule = this.rule
    if (!rule || !(file === rule.under || file.startsWith(`${rule.under}/`))) return
    const where = onHandle ? syscall : `${syscall} '${file}'`
    const error: NodeJS.ErrnoException = new Error(`${rule.code}: ${MESSAGES[rule.code]}, ${where}`)
    error.code = rule.code
    error.syscall = syscall
    if (!onHandle) error.path = file
    throw error
  }

  readonly fs: StorageFs = {
    open: async (file, flags, mode) => {
      if (/[wax+]/.test(String(flags))) this.check(file, 'open')
      const handle = await nodeFs.open(file, flags, mode)
      const wrapped: StorageHandle = {
        readFile: () => handle.readFile(),
        writeFile: async (data) => {
          this.check(file, 'write', true)
          await handle.writeFile(data)
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      }
      return wrapped
    },
    rename: async (from, to) => {
      this.check(to, 'rename')
      await nodeFs.rename(from, to)
    },
    link: async (existing, newPath) => {
      this.check(newPath, 'link')
      await nodeFs.link(existing, newPath)
    },
    unlink: async (file) => {
      this.check(file, 'unlink')
      await nodeFs.unlink(file)
    },
    mkdir: async (dir, options) => {
      this.check(dir, 'mkdir')
      return nodeFs.mkdir(dir, options)
    },
    readdir: (dir) => nodeFs.readdir(dir),
    stat: (file) => nodeFs.stat(file),
    lstat: (file) => nodeFs.lstat(file),
  }
}
