// Saving only what changed (`document:save-changes`) over a real project folder: the result on disk
// is what saving the whole set writes, a version main no longer holds is refused as stale with
// nothing written, and the payload is validated like any other. Payloads cross as structured
// clones, as they do over IPC, so main never shares objects with the "renderer".
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importDocumentFile } from '../../src/main/core/import'
import { ProjectStore } from '../../src/main/core/storage'
import { createHandlers, type HandlerContext } from '../../src/main/handlers'
import { dispatch } from '../../src/main/ipc-dispatch'
import { AppSession } from '../../src/main/session'
import { changesBetween } from '../../src/shared/annotation-changes'
import type { LoadedDocument, SavedDocument } from '../../src/shared/ipc-contract'
import type { Annotations, Span } from '../../src/shared/model'

const TEXT = 'Officials said the alliance is growing. Analysts disagree about why.'
const NOW = '2026-11-30T07:00:00.000Z'

let tmp: string
let dir: string
let session: AppSession

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'marginalia-doc-handlers-'))
  dir = path.join(tmp, 'project')
  const store = await ProjectStore.create(dir, { name: 'Changes' })
  await store.addDocument(importDocumentFile('a.txt', new TextEncoder().encode(TEXT)))
  await store.close()
})

afterEach(async () => {
  await session?.dispose()
  await rm(tmp, { recursive: true, force: true })
})

async function open() {
  const ctx = {
    userDataDir: tmp,
    sampleProjectDir: dir,
    dialogs: { chooseProjectDir: async () => dir },
    emit: () => undefined,
    openExternal: async () => undefined,
  } as unknown as HandlerContext
  session = new AppSession(ctx)
  const handlers = createHandlers(ctx, session)
  const call = async <T>(channel: string, arg?: unknown) =>
    structuredClone((await dispatch(handlers, channel, structuredClone(arg))) as T)
  const snapshot = await call<{ documents: { id: string }[] }>('project:open')
  const docId = snapshot.documents[0].id
  const loaded = await call<LoadedDocument>('document:load', { docId })
  return { call, docId, loaded }
}

function span(id: string, exact: string): Span {
  const start = TEXT.indexOf(exact)
  const end = start + exact.length
  const quote = {
    exact,
    prefix: TEXT.slice(Math.max(0, start - 32), start),
    suffix: TEXT.slice(end, end + 32),
  }
  return {
    id,
    layer: 'claim',
    label: 'Claim',
    start,
    end,
    quote,
    attributes: {},
    annotator: 't',
    createdAt: NOW,
    updatedAt: NOW,
  }
}

const withSpans = (a: Annotations, spans: Span[]): Annotations => ({ ...a, spans })

describe('document:save-changes', () => {
  it('writes what saving the whole set writes, version after version', async () => {
    const { call, docId, loaded } = await open()
    let held = { base: loaded.saveBase, annotations: loaded.annotations }
    const versions = [
      withSpans(loaded.annotations, [span('s1', 'Officials'), span('s2', 'alliance')]),
      withSpans(loaded.annotations, [span('s1', 'Officials said'), span('s2', 'alliance')]),
      {
        ...withSpans(loaded.annotations, [span('s1', 'Officials said')]),
        docLabels: { overall_sentiment: ['mixed'] },
      },
    ]
    for (const next of versions) {
      const changes = changesBetween(held.annotations, next, held.base)
      const saved = await call<SavedDocument>('document:save-changes', { docId, ...changes })
      expect(saved.summary.spanCount).toBe(next.spans.length)
      held = { base: saved.saveBase, annotations: next }
    }
    const reloaded = await call<LoadedDocument>('document:load', { docId })
    expect(reloaded.annotations.spans).toEqual(versions[2].spans)
    expect(reloaded.annotations.docLabels).toEqual({ overall_sentiment: ['mixed'] })
    // The same set saved whole gives the same spans and labels on disk.
    await call('document:save', { docId, annotations: versions[2] })
    const whole = await call<LoadedDocument>('document:load', { docId })
    expect(whole.annotations.spans).toEqual(reloaded.annotations.spans)
  })

  it('answers stale, and writes nothing, for a version main no longer holds', async () => {
    const { call, docId, loaded } = await open()
    const first = withSpans(loaded.annotations, [span('s1', 'Officials')])
    const saved = await call<SavedDocument>('document:save-changes', {
      docId,
      ...changesBetween(loaded.annotations, first, loaded.saveBase),
    })
    const stale = [
      // The load's token, replaced by the save's.
      changesBetween(
        loaded.annotations,
        withSpans(first, [span('s9', 'Analysts')]),
        loaded.saveBase,
      ),
      // Changes made against another version than the one held (s1 is not removed from it).
      { ...changesBetween(first, withSpans(first, []), saved.saveBase), removed: ['s7'] },
      { ...changesBetween(first, first, saved.saveBase), base: 'v999' },
    ]
    for (const changes of stale)
      expect(await call('document:save-changes', { docId, ...changes })).toEqual({ stale: true })
    expect((await call<LoadedDocument>('document:load', { docId })).annotations.spans).toEqual(
      first.spans,
    )
  })

  it('holds no version across a reopened project', async () => {
    const { call, docId, loaded } = await open()
    await call('project:close')
    await call('project:open')
    const next = withSpans(loaded.annotations, [span('s1', 'Officials')])
    const changes = changesBetween(loaded.annotations, next, loaded.saveBase)
    expect(await call('document:save-changes', { docId, ...changes })).toEqual({ stale: true })
    // A load in the reopened project hands out a version that takes the same changes.
    const again = await call<LoadedDocument>('document:load', { docId })
    const saved = await call<SavedDocument>('document:save-changes', {
      docId,
      ...changesBetween(again.annotations, next, again.saveBase),
    })
    expect(saved.summary.spanCount).toBe(1)
  })

  it('validates the changes like a whole set', async () => {
    const { call, docId, loaded } = await open()
    const bad = { ...span('s1', 'Officials'), start: -1 }
    await expect(
      call('document:save-changes', {
        docId,
        base: loaded.saveBase,
        removed: [],
        count: 1,
        annotations: withSpans(loaded.annotations, [bad]),
      }),
    ).rejects.toThrow(/^document:save-changes: invalid argument: annotations\.spans\[0\]\.start/)
  })
})
