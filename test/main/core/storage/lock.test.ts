import { spawn } from 'node:child_process'
import { readFile, readdir, unlink, utimes, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { LOCK_FILE, LockError, ProjectStore } from '../../../../src/main/core/storage'
import { spyFs } from './spy-fs'
import { tempDir } from './temp-dir'

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
  await new Promise((resolve) => child.on('exit', resolve))
  return child.pid!
}

async function writeLock(dir: string, holder: object) {
  await writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ token: 'x', ...holder }))
}

/** The lock's files in the project's local folder: the lock, a guard, anything set aside. */
async function lockFiles(dir: string): Promise<string[]> {
  const names = await readdir(path.join(dir, '.marginalia'))
  return names.filter((name) => name.startsWith('lock')).sort()
}

describe('project lock', () => {
  it('a second store cannot open a project that is open; the error names the holder', async () => {
    const dir = await tempDir()
    const first = await ProjectStore.create(dir, { name: 'P' })
    const error = await ProjectStore.open(dir).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LockError)
    const holder = (error as LockError).holder
    expect(holder.pid).toBe(process.pid)
    expect(holder.host).toBe(os.hostname())
    expect(Date.parse(holder.since)).not.toBeNaN()
    expect((error as Error).message).toContain(
      `pid ${process.pid} on ${os.hostname()}, since ${holder.since}`,
    )
    expect((error as LockError).file).toBe(path.join(dir, LOCK_FILE))

    // Read-only opens are allowed alongside the writer.
    const reader = await ProjectStore.open(dir, { lock: false })
    expect(reader.project.name).toBe('P')
    await reader.close()

    await first.close()
    expect(await readdir(dir)).not.toContain(LOCK_FILE)
    const second = await ProjectStore.open(dir)
    await second.close()
  })

  it('a lock held by a live process of this host is respected', async () => {
    const dir = await tempDir()
    await (await ProjectStore.create(dir, { name: 'P' })).close()
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], {
      stdio: 'ignore',
    })
    try {
      await writeLock(dir, {
        pid: child.pid,
        host: os.hostname(),
        since: '2024-06-19T10:00:00.000Z',
      })
      await expect(ProjectStore.open(dir)).rejects.toThrow(
        `pid ${child.pid} on ${os.hostname()}, since 2024-06-19T10:00:00.000Z`,
      )
    } finally {
      child.kill('SIGKILL')
    }
  })

  it('a lock of another host is never taken over', async () => {
    const dir = await tempDir()
    await (await ProjectStore.create(dir, { name: 'P' })).close()
    await writeLock(dir, {
      pid: await deadPid(),
      host: 'elsewhere.example',
      since: '2024-01-01T00:00:00Z',
    })
    await expect(ProjectStore.open(dir)).rejects.toBeInstanceOf(LockError)
  })

  it('a stale lock (same host, dead pid) is taken over', async () => {
    const dir = await tempDir()
    await (await ProjectStore.create(dir, { name: 'P' })).close()
    const pid = await deadPid()
    await writeLock(dir, { pid, host: os.hostname(), since: '2024-01-01T00:00:00Z' })
    const store = await ProjectStore.open(dir)
    const lock = JSON.parse(await readFile(path.join(dir, LOCK_FILE), 'utf8'))
    expect(lock.pid).toBe(process.pid)
    expect(lock.host).toBe(os.hostname())
    await store.close()
    expect((await readdir(path.join(dir, '.marginalia'))).filter((n) => n !== 'tmp')).toEqual([
      'index.json',
    ])
  })

  it('a lock left by an earlier process with our own pid is stale', async () => {
    const dir = await tempDir()
    await (await ProjectStore.create(dir, { name: 'P' })).close()
    await writeLock(dir, { pid: process.pid, host: os.hostname(), since: '2024-01-01T00:00:00Z' })
    await (await ProjectStore.open(dir)).close()
  })

  it('stores racing for one stale lock: exactly one wins, every time, with slow disks', async () => {
    const dead = await deadPid()
    // Every file-system call takes a random 0-8 ms, as on a loaded machine or a network drive, so
    // the contenders interleave at every step. Renaming the stale lock aside (the old takeover)
    // gave two or three winners in about half of these rounds.
    const fs = spyFs([], () => new Promise((resolve) => setTimeout(resolve, Math.random() * 8)))
    for (let round = 0; round < 12; round++) {
      const dir = await tempDir()
      await (await ProjectStore.create(dir, { name: 'P' })).close()
      await writeLock(dir, { pid: dead, host: os.hostname(), since: '2024-01-01T00:00:00Z' })
      const contenders = Array.from({ length: 10 }, () => ProjectStore.open(dir, { fs }))
      const results = await Promise.allSettled(contenders)
      const winners = results.filter((r) => r.status === 'fulfilled')
      for (const r of results) {
        if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(LockError)
      }
      for (const w of winners) await w.value.close()
      expect(winners, `round ${round}`).toHaveLength(1)
      expect((await readdir(dir)).sort()).toEqual(['.gitignore', '.marginalia', 'project.json'])
      expect(await lockFiles(dir)).toEqual([]) // no lock, no guard, nothing set aside
    }
  }, 60_000)

  it("a competitor's fresh lock that replaced the stale one before our takeover is never removed", async () => {
    const dir = await tempDir()
    await (await ProjectStore.create(dir, { name: 'P' })).close()
    await writeLock(dir, {
      pid: await deadPid(),
      host: os.hostname(),
      since: '2024-01-01T00:00:00Z',
    })
    const file = path.join(dir, LOCK_FILE)
    const competitor = {
      pid: process.ppid, // alive, on this host, and not us
      host: os.hostname(),
      since: '2024-06-19T10:00:00.000Z',
      token: 'competitor',
    }
    let raced = false
    // Between our reading the stale lock and taking the takeover guard, a competitor takes it over.
    const fs = spyFs([], async (call) => {
      if (raced || call.op !== 'link' || call.other !== `${file}.takeover`) return
      raced = true
      await unlink(file)
      await writeFile(file, JSON.stringify(competitor))
    })
    const error = await ProjectStore.open(dir, { fs }).catch((e: unknown) => e)
    expect(raced).toBe(true)
    expect(error).toBeInstanceOf(LockError)
    expect((error as LockError).holder.pid).toBe(process.ppid)
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(competitor)
    expect((await readdir(path.join(dir, '.marginalia'))).sort()).toEqual([
      'index.json',
      'lock',
      'tmp',
    ])
  })

  it('a takeover guard left by a process that died mid-takeover does not block the project', async () => {
    const dir = await tempDir()
    await (await ProjectStore.create(dir, { name: 'P' })).close()
    const dead = { pid: await deadPid(), host: os.hostname(), since: '2024-01-01T00:00:00Z' }
    await writeLock(dir, dead)
    await writeFile(
      path.join(dir, `${LOCK_FILE}.takeover`),
      JSON.stringify({ token: 'g', ...dead }),
    )
    const store = await ProjectStore.open(dir)
    expect(JSON.parse(await readFile(path.join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid)
    expect(await lockFiles(dir)).toEqual(['lock']) // the guard is gone
    await store.close()
  })

  it('an unreadable lock file that is fresh is respected; an old one is taken over', async () => {
    const dir = await tempDir()
    await (await ProjectStore.create(dir, { name: 'P' })).close()
    const file = path.join(dir, LOCK_FILE)
    await writeFile(file, '')
    await expect(ProjectStore.open(dir)).rejects.toBeInstanceOf(LockError)
    const old = new Date(Date.now() - 60_000)
    await utimes(file, old, old)
    await (await ProjectStore.open(dir)).close()
  })
})
