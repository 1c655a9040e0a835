// The Agreement and Curation channels through the real handler table (as ipcMain and the e2e
// harness call them), over a two-analyst project whose spans are known and over the shipped
// sample: the report, starting a gold set from what both agree on, settling disagreements by
// taking one analyst's version, both, or an edit, the curation log, and exporting the gold set.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AppSession } from '../../../src/main/session'
import type { ExportResult } from '../../../src/shared/ipc-contract'
import type { Annotations } from '../../../src/shared/model'
import type { AgreementResult, CurationState } from '../../../src/shared/team'
import { readSetFile } from '../fixtures/set-files'
import { teamSession } from '../fixtures/team-session'
import { TWO_DOC, TWO_TEXT } from '../fixtures/two-analysts'

let tmp: string
let sessions: AppSession[]

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'marginalia-team-'))
  sessions = []
})
afterEach(async () => {
  for (const session of sessions) await session.dispose()
  await rm(tmp, { recursive: true, force: true })
})

/** A session as curator Cleo over the two-analyst project (or over the sample with `sample`). */
const setup = (sample = false) => teamSession(tmp, sessions, sample)

const at = (exact: string) => {
  const start = TWO_TEXT.indexOf(exact)
  return { start, end: start + exact.length }
}
const placed = (a: Annotations | null) =>
  (a?.spans ?? []).map((s) => `${s.layer}:${TWO_TEXT.slice(s.start, s.end)}`).sort()

describe('agreement:compute', () => {
  it('compares the analysts with annotations, never the curator or the gold set', async () => {
    const { call } = await setup()
    const { report, problems } = (await call('agreement:compute')) as AgreementResult
    expect(problems).toEqual([])
    expect(report.analysts).toEqual(['ana', 'ben'])
    const claim = report.project.layers.find((l) => l.layer === 'claim')!
    expect(claim.spans[0].exact.f1).toBeCloseTo(2 / 5, 12)
    await call('curation:start', { docId: TWO_DOC })
    const again = (await call('agreement:compute')) as AgreementResult
    expect(again.report.analysts).toEqual(['ana', 'ben'])
  })

  it('refuses an unknown layer by name', async () => {
    const { call } = await setup()
    await expect(call('agreement:compute', { layers: ['nope'] })).rejects.toThrow(/no layer "nope"/)
  })

  it('shows disagreements on the sample project from the first start', async () => {
    const { call } = await setup(true)
    const { report } = (await call('agreement:compute', {
      analysts: ['ben-okafor', 'sample'],
    })) as AgreementResult
    expect(report.disagreements.length).toBeGreaterThan(5)
    const kinds = new Set(report.disagreements.map((d) => d.kind))
    for (const kind of ['missing', 'boundary', 'attribute', 'link', 'doc-label']) {
      expect(kinds).toContain(kind)
    }
  })
})

describe('curation', () => {
  it('starts gold from what both agree on, then settles each disagreement', async () => {
    const { call, dir } = await setup()
    const before = (await call('curation:state', { docId: TWO_DOC })) as CurationState
    expect(before).toMatchObject({ gold: null, resolved: 0, analysts: ['ana', 'ben'] })
    expect(before.total).toBe(before.disagreements.length)

    // Agreed by both: the source "The mayor" and the document label; everything else differs.
    const started = (await call('curation:start', { docId: TWO_DOC })) as CurationState
    expect(placed(started.gold)).toEqual(['source:The mayor'])
    expect(started.gold!.docLabels).toEqual({ overall_sentiment: ['neutral'] })
    expect(started.gold!.spans[0].curatedBy).toBe('Cleo')
    expect(started.gold!.spans[0].annotator).toBe('Ana')

    const find = (s: CurationState, layer: string, kind: string) =>
      s.disagreements.find((d) => d.layer === layer && d.kind === kind)!
    // Checkability: take Ben's opinion; his link to the mayor comes along, to gold's mayor span.
    const attr = find(started, 'claim', 'attribute')
    let state = (await call('curation:decide', {
      docId: TWO_DOC,
      disagreementId: attr.id,
      choice: { take: 'ben' },
    })) as CurationState
    const claim = state.gold!.spans.find((s) => s.layer === 'claim')!
    expect(claim.attributes).toEqual({ checkability: 'opinion' })
    const mayor = state.gold!.spans.find((s) => s.layer === 'source')!
    expect(state.gold!.relations.map((r) => [r.from, r.to])).toEqual([[claim.id, mayor.id]])
    expect(state.resolved).toBe(1)
    expect(state.decisions[attr.id]).toMatchObject({ choice: 'ben', curator: 'Cleo' })

    // Boundaries: both versions; then the curator's own edit replaces them.
    const boundary = find(state, 'claim', 'boundary')
    state = (await call('curation:decide', {
      docId: TWO_DOC,
      disagreementId: boundary.id,
      choice: { take: 'both' },
    })) as CurationState
    expect(placed(state.gold)).toContain('claim:the cost doubled')
    expect(placed(state.gold)).toContain('claim:cost doubled')
    const edited = at('Critics said the cost doubled')
    state = (await call('curation:decide', {
      docId: TWO_DOC,
      disagreementId: boundary.id,
      choice: { edit: [{ layer: 'claim', label: 'Claim', ...edited }] },
    })) as CurationState
    expect(placed(state.gold).filter((p) => p.includes('cost'))).toEqual([
      'claim:Critics said the cost doubled',
    ])
    expect(state.resolved).toBe(2)

    // Ben's extra claim: take Ana's version (nothing there): rejected, still resolved.
    const extra = state.disagreements.find(
      (d) =>
        d.kind === 'missing' && d.versions.some((v) => v.spans[0]?.text === 'tolls stay the same'),
    )!
    state = (await call('curation:decide', {
      docId: TWO_DOC,
      disagreementId: extra.id,
      choice: { take: 'ana' },
    })) as CurationState
    expect(placed(state.gold)).not.toContain('claim:tolls stay the same')
    expect(state.resolved).toBe(3)

    // On disk: the gold set (a set like any other) and the curation log.
    const gold = await readSetFile(dir, 'gold', TWO_DOC)
    expect(placed(gold.annotations)).toEqual(placed(state.gold))
    const log = JSON.parse(await readFile(path.join(dir, 'curation', `${TWO_DOC}.json`), 'utf8'))
    expect(Object.keys(log.decisions).sort()).toEqual([attr.id, boundary.id, extra.id].sort())
    const reread = (await call('curation:state', { docId: TWO_DOC })) as CurationState
    expect(reread.resolved).toBe(3)
    // The curation folder is no problem for the project.
    expect(((await call('project:snapshot')) as { problems: unknown[] }).problems).toEqual([])
  })
})

describe('curation errors and export', () => {
  it('refuses a disagreement that does not exist and an edit outside the text', async () => {
    const { call } = await setup()
    await expect(
      call('curation:decide', { docId: TWO_DOC, disagreementId: 'nope', choice: { take: 'ana' } }),
    ).rejects.toThrow(/no disagreement "nope"/)
    const state = (await call('curation:state', { docId: TWO_DOC })) as CurationState
    const d = state.disagreements[0]
    await expect(
      call('curation:decide', {
        docId: TWO_DOC,
        disagreementId: d.id,
        choice: { edit: [{ layer: 'claim', label: 'Claim', start: 5, end: 10_000 }] },
      }),
    ).rejects.toThrow(/not a range of the document/)
  })

  it('names a broken curation log and neither overwrites it nor changes gold', async () => {
    const { call, dir } = await setup()
    const started = (await call('curation:start', { docId: TWO_DOC })) as CurationState
    const file = path.join(dir, 'curation', `${TWO_DOC}.json`)
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, '{"format":"something else"}\n')
    const d = started.disagreements[0]
    await expect(
      call('curation:decide', { docId: TWO_DOC, disagreementId: d.id, choice: { take: 'ben' } }),
    ).rejects.toThrow(/curation.harbour\.json: not a curation log/)
    expect(await readFile(file, 'utf8')).toBe('{"format":"something else"}\n')
    const gold = await readSetFile(dir, 'gold', TWO_DOC)
    expect(placed(gold.annotations)).toEqual(placed(started.gold))
  })

  it('exports the gold set like any set', async () => {
    const { call, answers } = await setup()
    const state = (await call('curation:start', { docId: TWO_DOC })) as CurationState
    answers.exportTo = path.join(tmp, 'gold.jsonl')
    const result = (await call('export:run', { format: 'jsonl', sets: 'gold' })) as ExportResult
    expect(result.manifest.annotationSets).toMatchObject({ mode: 'gold', sets: ['gold'] })
    const lines = (await readFile(answers.exportTo, 'utf8')).trim().split('\n')
    expect(lines).toHaveLength(1)
    const record = JSON.parse(lines[0]) as {
      spans: { text?: string; start: number; end: number }[]
    }
    expect(record.spans.map((s) => TWO_TEXT.slice(s.start, s.end))).toEqual(
      state.gold!.spans.map((s) => TWO_TEXT.slice(s.start, s.end)),
    )
  })
})
