// Kills a child process that is saving a document, many times at random moments, and checks that
// the file is always one complete version (never torn, empty or older than a save that had
// resolved) and that the project opens afterwards, taking over the dead child's lock.
// The child is bundled once with esbuild and run by plain node: starting it through tsx each time
// cost seconds per run on a busy machine, which is most of this test's time.
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ProjectStore } from '../../../../src/main/core/storage'
import { zAnnotationSetJson } from '../../../../src/shared/model-files'
import { journalVersion, longText, newDocument, versionAnnotations } from './helpers'
import { tempDir } from './temp-dir'

const here = path.dirname(fileURLToPath(import.meta.url))
let bundleDir = ''
let child = ''

beforeAll(async () => {
  bundleDir = await mkdtemp(path.join(os.tmpdir(), 'marginalia-crash-child-'))
  child = path.join(bundleDir, 'save-loop.mjs')
  await build({
    entryPoints: [path.join(here, 'fixtures', 'save-loop.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: child,
    logLevel: 'warning',
  })
})

afterAll(async () => {
  if (bundleDir) await rm(bundleDir, { recursive: true, force: true })
})
const ITERATIONS = 36

interface Run {
  /** The last version the child reported saved before it was killed. */
  acknowledged: number
}

/** Starts the child, lets it save at least once, then kills it with SIGKILL after a random pause. */
function runAndKill(dir: string, docId: string, early: boolean, journal = false): Promise<Run> {
  return new Promise((resolve, reject) => {
    const args = [child, dir, docId, ...(journal ? ['journal'] : [])]
    const proc = spawn(process.execPath, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let acknowledged = 0
    let killTimer: NodeJS.Timeout | null = null
    let stderr = ''
    const kill = (delay: number) => {
      killTimer ??= setTimeout(() => proc.kill('SIGKILL'), delay)
    }
    proc.stderr.on('data', (d) => (stderr += String(d)))
    createInterface({ input: proc.stdout }).on('line', (line) => {
      const m = /^saved (\d+)$/.exec(line)
      if (m) acknowledged = Number(m[1])
      kill(Math.random() * 40)
    })
    // Some runs die while starting up (opening, taking the lock), before any save.
    if (early) kill(Math.random() * 150)
    proc.on('exit', (code, signal) => {
      if (killTimer) clearTimeout(killTimer)
      if (signal !== 'SIGKILL') reject(new Error(`child exited with ${code}: ${stderr}`))
      else resolve({ acknowledged })
    })
  })
}

describe('crash safety', () => {
  it(`a document file is always a complete version after ${ITERATIONS} SIGKILLs`, async () => {
    const dir = await tempDir()
    const store = await ProjectStore.create(dir, { name: 'Crash', analyst: 'Crash' })
    const text = longText()
    const result = await store.addDocument(newDocument(text))
    if (result.status !== 'added') throw new Error('not added')
    const docId = result.entry.id
    await store.close()
    const file = path.join(dir, 'annotations', 'crash', `${docId}.json`)

    const temps = path.join(dir, '.marginalia', 'tmp')
    let lastOnDisk = 0
    const seen = new Set<number>()
    for (let i = 0; i < ITERATIONS; i++) {
      const run = await runAndKill(dir, docId, i % 5 === 4)
      const text0 = await readFile(file, 'utf8').catch(() => null) // none before a first save
      const parsed = text0 ? zAnnotationSetJson.parse(JSON.parse(text0)) : null
      const note = parsed?.annotations.spans[0]?.attributes.note
      const version = typeof note === 'string' ? Number(note.replace('version ', '')) : 0
      // Exactly the complete content of that version, never a mix or a torn file.
      if (version > 0 && parsed) {
        const { docLabelMeta: _stamps, ...annotations } = parsed.annotations
        expect(annotations).toEqual(versionAnnotations(text, version))
      } else expect(parsed?.annotations.spans ?? []).toEqual([])
      // Never older than a save that had resolved, nor than what was on disk before.
      expect(version).toBeGreaterThanOrEqual(run.acknowledged)
      expect(version).toBeGreaterThanOrEqual(lastOnDisk)
      lastOnDisk = version
      seen.add(version)

      if (process.env.CRASH_STATS) {
        const tmp = (await readdir(temps)).filter((n) => n.endsWith('.tmp'))
        console.log(
          `run ${i}: acknowledged ${run.acknowledged}, on disk ${version}, temp ${tmp.length}`,
        )
      }
      // The project opens, taking over the dead child's lock, and has no problems.
      const reopened = await ProjectStore.open(dir, { analyst: 'Crash' })
      expect(reopened.problems).toEqual([])
      expect(reopened.summaries()[0].spanCount).toBe(parsed?.annotations.spans.length ?? 0)
      await reopened.close()
    }
    expect(seen.size).toBeGreaterThan(ITERATIONS / 2)
    // Temp files of killed writers were cleaned up by the opens.
    const leftovers = (await readdir(temps)).filter((n) => n.endsWith('.tmp'))
    expect(leftovers).toEqual([])
  }, 120_000)

  it(`a journalled set always reads as a complete version after ${ITERATIONS} SIGKILLs`, async () => {
    const dir = await tempDir()
    const store = await ProjectStore.create(dir, { name: 'Crash', analyst: 'Crash' })
    const text = longText()
    const result = await store.addDocument(newDocument(text))
    if (result.status !== 'added') throw new Error('not added')
    const docId = result.entry.id
    await store.close()
    const journal = path.join(dir, 'annotations', 'crash', `${docId}.journal.jsonl`)

    let lastOnDisk = 0
    let journalled = 0
    for (let i = 0; i < ITERATIONS; i++) {
      const run = await runAndKill(dir, docId, i % 5 === 4, true)
      if (await readFile(journal).catch(() => null)) journalled++
      // As any reader sees it: the set file with its journal applied.
      const reader = await ProjectStore.open(dir, { analyst: 'Crash', lock: false })
      const { docLabelMeta: _stamps, ...annotations } = (await reader.loadDocument(docId))
        .annotations
      await reader.close()
      const note = annotations.spans[0]?.attributes.note
      const version = typeof note === 'string' ? Number(note.replace('version ', '')) : 0
      if (version > 0) expect(annotations).toEqual(journalVersion(text, version))
      else expect(annotations.spans).toEqual([])
      expect(version).toBeGreaterThanOrEqual(run.acknowledged)
      expect(version).toBeGreaterThanOrEqual(lastOnDisk)
      lastOnDisk = version
      // The project opens for writing with no problems, and its count agrees.
      const reopened = await ProjectStore.open(dir, { analyst: 'Crash' })
      expect(reopened.problems).toEqual([])
      expect(reopened.summaries()[0].spanCount).toBe(annotations.spans.length)
      await reopened.close()
    }
    // Most runs left their saves in the journal (a run killed before its first save does not).
    expect(journalled).toBeGreaterThan(ITERATIONS / 2)
  }, 120_000)
})
