// A file system for storage tests: Node's own, with every call recorded and a hook that runs before
// each one, which may throw (a full disk, a read-only folder) or wait (a process killed at that
// point, a competitor acting in between). No vitest imports: the crash child may use it too.
import { nodeFs, type StorageFs, type StorageHandle } from '../../../../src/main/core/storage'

export type FsOp =
  | 'open'
  | 'read'
  | 'write'
  | 'sync'
  | 'close'
  | 'rename'
  | 'link'
  | 'unlink'
  | 'mkdir'
  | 'readdir'
  | 'stat'
  | 'lstat'

/** One call: the operation, its path, and the second path of a rename or link / the open flags. */
export interface FsCall {
  op: FsOp
  path: string
  other?: string
}

/** Runs before a call; throw to make it fail, or return a promise to hold it. */
export type FsHook = (call: FsCall) => void | Promise<void>

const MESSAGES: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EACCES: 'permission denied',
  EROFS: 'read-only file system',
  EIO: 'i/o error',
}

/**
 * An error as Node's file system throws it: `ENOSPC: no space left on device, write` for a call on
 * an open file (no path, as Node gives none), `EACCES: permission denied, open '/p/x'` otherwise.
 */
export function fsError(code: string, call: FsCall): NodeJS.ErrnoException {
  const onHandle = ['read', 'write', 'sync', 'close'].includes(call.op)
  const where = onHandle ? call.op : `${call.op} '${call.path}'`
  const error: NodeJS.ErrnoException = new Error(`${code}: ${MESSAGES[code] ?? code}, ${where}`)
  error.code = code
  error.syscall = call.op
  if (!onHandle) error.path = call.path
  return error
}

/** Node's file system, recording each call in `calls` and running `hook` before it. */
export function spyFs(calls: FsCall[] = [], hook: FsHook = () => undefined): StorageFs {
  const run = async <T>(call: FsCall, fn: () => Promise<T>): Promise<T> => {
    calls.push(call)
    await hook(call)
    return fn()
  }
  const wrap = (file: string, handle: StorageHandle): StorageHandle => ({
    readFile: () => run({ op: 'read', path: file }, () => handle.readFile()),
    writeFile: (data) => run({ op: 'write', path: file }, () => handle.writeFile(data)),
    sync: () => run({ op: 'sync', path: file }, () => handle.sync()),
    close: () => run({ op: 'close', path: file }, () => handle.close()),
  })
  return {
    open: async (file, flags, mode) =>
      wrap(
        file,
        await run({ op: 'open', path: file, other: String(flags) }, () =>
          nodeFs.open(file, flags, mode),
        ),
      ),
    rename: (from, to) =>
      run({ op: 'rename', path: from, other: to }, () => nodeFs.rename(from, to)),
    link: (from, to) => run({ op: 'link', path: from, other: to }, () => nodeFs.link(from, to)),
    unlink: (file) => run({ op: 'unlink', path: file }, () => nodeFs.unlink(file)),
    mkdir: (dir, options) => run({ op: 'mkdir', path: dir }, () => nodeFs.mkdir(dir, options)),
    readdir: (dir) => run({ op: 'readdir', path: dir }, () => nodeFs.readdir(dir)),
    stat: (file) => run({ op: 'stat', path: file }, () => nodeFs.stat(file)),
    lstat: (file) => run({ op: 'lstat', path: file }, () => nodeFs.lstat(file)),
  }
}

/** Whether a call writes to the disk (creates, changes, renames or removes a file). */
export function isWriteCall(call: FsCall): boolean {
  if (call.op === 'open') return /[wax+]/.test(call.other ?? '')
  return ['write', 'rename', 'link', 'unlink', 'mkdir'].includes(call.op)
}
