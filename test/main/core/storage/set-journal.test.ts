// Incremental saves of large annotation sets (set-journal.ts, set-saver.ts): a save after a small
// edit appends a journal line instead of rewriting the set file; every reader sees the set as
// saved; closing folds the journal back; a torn last line (a crash) is ignored, a damaged journal
// is reported and never written over, and a journal left beside a newer set file is ignored.
import { appendFile, readFile, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ProjectError, ProjectStore } from '../../../../src/main/core/storage'
import { applyList, diffList } from '../../../../src/main/core/storage/list-delta'
import {
  baseHash,
  entryLine,
  headerLine,
  sameSpan,
} from '../../../../src/main/core/storage/set-journal'
import type { Annotations, Span } from '../../../../src/shared/model'
import { spanAt } from '../../fixtures/span-at'
import { longText, newDocument } from './helpers'
import { settled } from './settled-cache'
import { tempDir } from './temp-dir'
import { seededRandom as random } from '../../../../src/shared/seeded-random'

const TEXT = longText()

/** Span `i` of the long text: over "Sentence <i> says". */
const spanOf = (i: number, note = ''): Span =>
  spanAt(TEXT, `s${i}`, 'claim', 'Claim', `Sentence ${i} says`, {
    attributes: note ? { note } : {},
  })

function setOf(count: number): Annotations {
  return {
    spans: Array.from({ length: count }, (_, i) => spanOf(i)),
    relations: [],
    docLabels: {},
  }
}

/** A project whose sets are all journalled (no size threshold), with one document. */
async function project(): Promise<{ dir: string; store: ProjectStore; id: string }> {
  const dir = path.join(await tempDir(), 'p')
  const store = await ProjectStore.create(dir, { name: 'P', analyst: 'Ana', journalMinBytes: 0 })
  const added = await store.addDocument(newDocument(TEXT))
  if (added.status !== 'added') throw new Error('not added')
  return { dir, store, id: added.entry.id }
}

const open = (dir: string) => ProjectStore.open(dir, { analyst: 'Ana', journalMinBytes: 0 })
const setFile = (dir: string, id: string) => path.join(dir, 'annotations', 'ana', `${id}.json`)
const journalFile = (dir: string, id: string) =>
  path.join(dir, 'annotations', 'ana', `${id}.journal.jsonl`)
const exists = (file: string) =>
  readFile(file).then(
    () => true,
    () => false,
  )

/** The analyst's annotations as another (read-only) store reads them from disk. */
async function onDisk(dir: string, id: string): Promise<Annotations> {
  const reader = await ProjectStore.open(dir, { analyst: 'Ana', lock: false })
  try {
    const { docLabelMeta: _stamps, ...a } = (await reader.loadDocument(id)).annotations
    return a
  } finally {
    await reader.close()
  }
}

describe('list deltas', () => {
  it('applying the delta of any edit gives exactly the edited list, order included', () => {
    const rnd = random(11)
    for (let round = 0; round < 300; round++) {
      const before = Array.from({ length: Math.floor(rnd() * 12) }, (_, i) => spanOf(i))
      const after = [...before]
      for (let k = Math.floor(rnd() * 5); k > 0; k--) {
        const at = Math.floor(rnd() * (after.length + 1))
        const what = rnd()
        if (what < 0.35) after.splice(at, 0, { ...spanOf(k), id: `n${round}-${k}` })
        else if (what < 0.6 && after.length > 0) after.splice(at % after.length, 1)
        else if (what < 0.8 && after.length > 0) {
          const i = at % after.length
          after[i] = { ...after[i], attributes: { note: `edit ${k}` } }
        } else if (after.length > 1) {
          const [moved] = after.splice(at % after.length, 1)
          after.splice(Math.floor(rnd() * after.length), 0, moved)
        }
      }
      const diff = diffList(before, after, sameSpan)
      expect(diff).not.toBeNull()
      const applied = applyList(before, diff!.delta)
      expect(applied).toEqual(after)
      // Through JSON, as a reader gets it from the file.
      const read = applyList(before, JSON.parse(JSON.stringify(diff!.delta ?? null)) ?? undefined)
      expect(read).toEqual(after)
    }
  })

  it('an unchanged list has no delta; a changed field or attribute is a put', () => {
    const list = [spanOf(0), spanOf(1)]
    expect(diffList(list, structuredClone(list), sameSpan)?.delta).toBeUndefined()
    const changed = [list[0], { ...list[1], attributes: { note: 'x' } }]
    expect(diffList(list, changed, sameSpan)?.delta).toEqual({ put: [changed[1]], after: [null] })
    // An id twice (added again elsewhere) is not a delta: the full check names it.
    expect(diffList(list, [list[0], spanOf(5), list[0], list[1]], sameSpan)).toBeNull()
    expect(diffList(list, [list[1], list[0], list[1]], sameSpan)).toBeNull()
  })
})

describe('incremental saves', () => {
  it('a small edit appends to the journal; every reader, and the file after closing, has it', async () => {
    const { dir, store, id } = await project()
    await store.saveAnnotations(id, setOf(40))
    const base = await readFile(setFile(dir, id), 'utf8')
    let a = (await store.loadDocument(id)).annotations
    const edits: ((x: Annotations) => Annotations)[] = [
      (x) => ({ ...x, spans: [...x.spans.slice(0, 5), spanOf(300), ...x.spans.slice(5)] }),
      (x) => ({ ...x, spans: x.spans.filter((s) => s.id !== 's7') }),
      (x) => ({ ...x, spans: x.spans.map((s) => (s.id === 's9' ? spanOf(9, 'changed') : s)) }),
      (x) => ({ ...x, spans: [spanOf(301), ...x.spans.reverse()] }),
      (x) => ({ ...x, docLabels: { overall_sentiment: ['negative'] } }),
      (x) => ({ ...x, suggestions: { rejected: ['sg1'] } }),
      (x) => ({
        ...x,
        relations: [
          {
            id: 'r1',
            type: 'attributed_to',
            from: 's1',
            to: 's2',
            attributes: {},
            annotator: 'tester',
            createdAt: x.spans[0].createdAt,
            updatedAt: x.spans[0].updatedAt,
          },
        ],
        spans: x.spans.map((s) => (s.id === 's2' ? { ...s, layer: 'source', label: 'Source' } : s)),
      }),
    ]
    for (const edit of edits) {
      a = edit(a)
      const summary = await store.saveAnnotations(id, a)
      expect(summary.spanCount).toBe(a.spans.length)
      const { docLabelMeta: _stamps, ...expected } = a
      expect(await onDisk(dir, id)).toEqual(expected)
    }
    // The set file was not rewritten: the saves are in the journal.
    expect(await readFile(setFile(dir, id), 'utf8')).toBe(base)
    expect((await readFile(journalFile(dir, id), 'utf8')).trim().split('\n')).toHaveLength(8)
    await store.close()
    // Closing folded the journal into the set file.
    expect(await exists(journalFile(dir, id))).toBe(false)
    const { docLabelMeta: _stamps, ...expected } = a
    expect(await onDisk(dir, id)).toEqual(expected)
    const reopened = await open(dir)
    expect(reopened.summaries()[0].spanCount).toBe(a.spans.length)
    await reopened.close()
  })

  it('a set below the size threshold is written whole, with no journal', async () => {
    const dir = path.join(await tempDir(), 'p')
    const store = await ProjectStore.create(dir, { name: 'P', analyst: 'Ana' })
    const added = await store.addDocument(newDocument(TEXT))
    if (added.status !== 'added') throw new Error('not added')
    const id = added.entry.id
    await store.saveAnnotations(id, setOf(10))
    await store.loadDocument(id)
    await store.saveAnnotations(id, setOf(11))
    expect(await exists(journalFile(dir, id))).toBe(false)
    expect(await onDisk(dir, id)).toEqual(setOf(11))
    await store.close()
  })

  it('only what changed is checked again, and a bad edit is refused with the full message', async () => {
    const { dir, store, id } = await project()
    await store.saveAnnotations(id, setOf(20))
    const a = (await store.loadDocument(id)).annotations
    const moved = { ...a.spans[3], start: a.spans[3].start + 1 } // its quote no longer matches
    const bad = { ...a, spans: a.spans.map((s, i) => (i === 3 ? moved : s)) }
    const error = await store.saveAnnotations(id, bad).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ProjectError)
    expect((error as ProjectError).message).toContain('annotations.spans[3]')
    const duplicate = { ...a, spans: [...a.spans, { ...spanOf(5), id: a.spans[0].id }] }
    const error2 = await store.saveAnnotations(id, duplicate).catch((e: unknown) => e)
    expect((error2 as ProjectError).message).toContain('duplicate span id')
    const unknownLabel = { ...a, spans: [...a.spans, { ...spanOf(30), label: 'Nope' }] }
    await expect(store.saveAnnotations(id, unknownLabel)).rejects.toThrow(/no label "Nope"/)
    await store.close()
    expect(await onDisk(dir, id)).toEqual(setOf(20))
  })

  it('a torn last line (a crash mid-save) is ignored, and the next save writes the set whole', async () => {
    const { dir, store, id } = await project()
    await store.saveAnnotations(id, setOf(20))
    const a = (await store.loadDocument(id)).annotations
    const saved = { ...a, spans: a.spans.slice(1) }
    await store.saveAnnotations(id, saved)
    await store.flush()
    // What a crash leaves after the journal's last complete line: part of the next one.
    await appendFile(journalFile(dir, id), '{"updatedAt":"2024-06-19T12:00:00.000Z","ana')
    const { docLabelMeta: _stamps, ...expected } = saved
    expect(await onDisk(dir, id)).toEqual(expected)
    // A store that loads it does not append after the torn line: it writes the set whole.
    const b = (await store.loadDocument(id)).annotations
    const next = { ...b, spans: b.spans.slice(1) }
    await store.saveAnnotations(id, next)
    expect(await exists(journalFile(dir, id))).toBe(false)
    const { docLabelMeta: _s, ...expectedNext } = next
    expect(await onDisk(dir, id)).toEqual(expectedNext)
    await store.close()
  })

  it('a damaged journal is reported, and a save does not write over it', async () => {
    const { dir, store, id } = await project()
    await store.saveAnnotations(id, setOf(20))
    const a = (await store.loadDocument(id)).annotations
    await store.saveAnnotations(id, { ...a, spans: a.spans.slice(1) })
    await store.saveAnnotations(id, { ...a, spans: a.spans.slice(2) })
    await store.flush()
    await store.close().catch(() => undefined)
    // Damage the journal of a copy whose close did not fold it (a crash): rewrite it by hand.
    const set = await readFile(setFile(dir, id))
    const damaged =
      headerLine({ document: id, set: 'ana', base: baseHash(set) }) +
      '{"not an entry": true}\n' +
      entryLine({ updatedAt: '2024-06-19T12:00:00.000Z', analyst: 'Ana', spans: { del: ['s0'] } })
    await writeFile(journalFile(dir, id), damaged)
    const reopened = await open(dir)
    expect(reopened.problems.map((p) => p.message).join('\n')).toMatch(/line 2: not a journal/)
    await expect(reopened.loadDocument(id)).rejects.toThrow(/line 2/)
    await expect(reopened.saveAnnotations(id, setOf(5))).rejects.toThrow(/will not be overwritten/)
    await reopened.close()
    expect(await readFile(journalFile(dir, id), 'utf8')).toBe(damaged)
    expect(await readFile(setFile(dir, id))).toEqual(set)
  })

  it('a journal left beside a newer set file (a compaction killed before deleting it) is ignored', async () => {
    const { dir, store, id } = await project()
    await store.saveAnnotations(id, setOf(20))
    const a = (await store.loadDocument(id)).annotations
    await store.saveAnnotations(id, { ...a, spans: a.spans.slice(0, 10) })
    await store.flush()
    const stale = await readFile(journalFile(dir, id))
    await store.close() // folds the journal in (10 spans) and deletes it
    await writeFile(journalFile(dir, id), stale)
    const b = await onDisk(dir, id)
    expect(b.spans).toHaveLength(10)
    const reopened = await open(dir)
    expect(reopened.problems).toEqual([])
    expect(reopened.summaries()[0].spanCount).toBe(10)
    await reopened.close()
  })

  it('the index cache notices a journal that grew in place, in a folder whose time did not move', async () => {
    const { dir, store, id } = await project()
    await store.saveAnnotations(id, setOf(20))
    await store.close()
    const hourAgo = new Date(Date.now() - 3_600_000)
    const age = () => utimes(path.join(dir, 'annotations', 'ana'), hourAgo, hourAgo)
    const base = baseHash(await readFile(setFile(dir, id)))
    const entry = (del: string) =>
      entryLine({ updatedAt: '2024-06-19T12:00:00.000Z', analyst: 'Ana', spans: { del: [del] } })
    // Another copy's journal arrives (a sync); an open that does not load the document keeps it.
    await writeFile(
      journalFile(dir, id),
      headerLine({ document: id, set: 'ana', base }) + entry('s0'),
    )
    await age()
    const first = await open(dir)
    expect(first.summaries()[0].spanCount).toBe(19)
    await first.close() // the cache, recording the journal
    await settled(dir) // and trusting the folder's times
    // The journal grows in place: its folder's time does not move.
    await appendFile(journalFile(dir, id), entry('s1'))
    const second = await open(dir)
    expect(second.summaries()[0].spanCount).toBe(18)
    await second.close()
  })
})
