import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  isTempName,
  tempNameFor,
  writeFileDurable,
} from '../../../../src/main/core/storage/durable-write'
import { SerialWriter } from '../../../../src/main/core/storage/serial-writer'
import { fsError, spyFs, type FsCall } from './spy-fs'
import { tempDir } from './temp-dir'

/** A call as one line: `sync /p/.a.json.1.ab.tmp`, `rename /p/x → /p/y`, `open /p r`. */
function line(call: FsCall): string {
  if (call.op === 'rename' || call.op === 'link') return `${call.op} ${call.path} → ${call.other}`
  return call.op === 'open' ? `open ${call.path} ${call.other}` : `${call.op} ${call.path}`
}

describe('writeFileDurable: the file-system calls, in order', () => {
  it('writes a temp file beside the target, fsyncs it, renames it over the target, fsyncs the folder', async () => {
    const dir = await tempDir()
    const file = path.join(dir, 'a.json')
    await writeFile(file, 'old')
    const calls: FsCall[] = []
    await writeFileDurable(file, 'new', spyFs(calls))
    const temp = calls[1].path
    expect(path.dirname(temp)).toBe(dir)
    expect(isTempName(path.basename(temp))).toBe(true)
    const folderSync =
      process.platform === 'win32' ? [] : [`open ${dir} r`, `sync ${dir}`, `close ${dir}`]
    expect(calls.map(line)).toEqual([
      `lstat ${file}`, // a read-only target is refused, never replaced
      `open ${temp} wx`, // a new file: never an existing one, never the target itself
      `write ${temp}`,
      `sync ${temp}`,
      `close ${temp}`,
      `rename ${temp} → ${file}`,
      ...folderSync,
    ])
    expect(await readFile(file, 'utf8')).toBe('new')
  })

  it('a failure before the rename leaves the target as it was and removes the temp file', async () => {
    const dir = await tempDir()
    const file = path.join(dir, 'a.json')
    await writeFile(file, 'old')
    for (const failing of ['write', 'sync'] as const) {
      const calls: FsCall[] = []
      const fs = spyFs(calls, (call) => {
        if (call.op === failing && call.path !== file) throw fsError('EIO', call)
      })
      await expect(writeFileDurable(file, 'new', fs)).rejects.toThrow(/EIO/)
      expect(calls.map((c) => c.op)).not.toContain('rename')
      const temp = calls.find((c) => c.op === 'open')!.path
      expect(calls.at(-1)).toEqual({ op: 'unlink', path: temp })
      expect(await readFile(file, 'utf8')).toBe('old')
      expect(await readdir(dir)).toEqual(['a.json'])
    }
  })
})

describe('writeFileDurable', () => {
  it('replaces a file and leaves no temp file behind', async () => {
    const dir = await tempDir()
    const file = path.join(dir, 'a.json')
    await writeFileDurable(file, 'old')
    await writeFileDurable(file, 'new ✓')
    expect(await readFile(file, 'utf8')).toBe('new ✓')
    expect(await readdir(dir)).toEqual(['a.json'])
  })

  it('writes its temp file beside the target under a unique, recognisable name', () => {
    const a = tempNameFor('/p/documents/d1.json')
    const b = tempNameFor('/p/documents/d1.json')
    expect(path.dirname(a)).toBe('/p/documents')
    expect(a).not.toBe(b)
    expect(isTempName(path.basename(a))).toBe(true)
    expect(isTempName('d1.json')).toBe(false)
  })

  it('a failed replace leaves the target and no temp file', async () => {
    const dir = await tempDir()
    const target = path.join(dir, 'taken')
    await mkdir(target) // renaming a file over a folder fails
    await expect(writeFileDurable(target, 'x')).rejects.toThrow()
    expect(await readdir(dir)).toEqual(['taken'])
  })
})

describe('SerialWriter', () => {
  it('coalesces writes that arrive while one is running into one, with the latest content', async () => {
    const dir = await tempDir()
    const file = path.join(dir, 'f.txt')
    const writer = new SerialWriter(file)
    const first = writer.write('1')
    const second = writer.write('2')
    const third = writer.write('3')
    // The second and third wait for the same write, which carries the third's content.
    expect(third).toBe(second)
    expect(first).not.toBe(second)
    await Promise.all([first, second, third])
    expect(await readFile(file, 'utf8')).toBe('3')
    await writer.flush()
  })

  it('flush rejects while the latest content failed to reach the disk, and recovers', async () => {
    const dir = await tempDir()
    const file = path.join(dir, 'missing-folder', 'f.txt')
    const writer = new SerialWriter(file)
    await expect(writer.write('a')).rejects.toThrow(/ENOENT/)
    await expect(writer.flush()).rejects.toThrow(/ENOENT/)
    await mkdir(path.dirname(file))
    await writer.write('b')
    await writer.flush()
    expect(await readFile(file, 'utf8')).toBe('b')
  })
})
