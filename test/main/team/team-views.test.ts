// What the workbench's analyst picker, the Claims and Sources views by analyst, and curation's
// edit, reject and majority rule ask of main, through the real handler table over the two-analyst
// project: two sets compared with the agreement engine's own classification, the claims table of
// one analyst, gold or all (an analyst column in the table and its exports, read back by Python's
// csv module), and gold sets built from a curator's edit or by the majority of three analysts.
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ProjectStore } from '../../../src/main/core/storage'
import type { AppSession } from '../../../src/main/session'
import type { ClaimsExportResult, ClaimsTableResult } from '../../../src/shared/ipc-contract'
import type { Annotations } from '../../../src/shared/model'
import type { AgreementResult, CompareResult, CurationState } from '../../../src/shared/team'
import { spanAt } from '../fixtures/span-at'
import { teamSession } from '../fixtures/team-session'
import { ANA, TWO_DOC, TWO_TEXT, twoAnalystSets } from '../fixtures/two-analysts'

let tmp: string
let sessions: AppSession[]

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'marginalia-team-views-'))
  sessions = []
})
afterEach(async () => {
  for (const session of sessions) await session.dispose()
  await rm(tmp, { recursive: true, force: true })
})

const placed = (a: Annotations | null) =>
  (a?.spans ?? []).map((s) => `${s.layer}:${TWO_TEXT.slice(s.start, s.end)}`).sort()
const at = (exact: string) => {
  const start = TWO_TEXT.indexOf(exact)
  return { start, end: start + exact.length }
}

describe('document:compare-sets', () => {
  it("gives both sets and the agreement engine's disagreements between them", async () => {
    const { call } = await teamSession(tmp, sessions)
    const compared = (await call('document:compare-sets', {
      docId: TWO_DOC,
      sets: ['ana', 'ben'],
    })) as CompareResult
    expect(compared.analysts).toEqual(['ana', 'ben'])
    expect(compared.names).toEqual({ ana: 'Ana', ben: 'Ben' })
    expect(placed(compared.sets.ana)).toEqual(placed(twoAnalystSets().ana))
    expect(placed(compared.sets.ben)).toEqual(placed(twoAnalystSets().ben))
    // The same classification as the Agreement view's, not a second matcher's.
    const { report } = (await call('agreement:compute', {
      analysts: ['ana', 'ben'],
    })) as AgreementResult
    expect(compared.disagreements).toEqual(report.disagreements)
    const kinds = compared.disagreements.map((d) => `${d.kind}:${d.layer ?? ''}`)
    for (const kind of ['missing:claim', 'boundary:claim', 'attribute:claim', 'link:claim']) {
      expect(kinds).toContain(kind)
    }
  })

  it('compares with the gold set, and has no differences where one set is missing', async () => {
    const { call } = await teamSession(tmp, sessions)
    const none = (await call('document:compare-sets', {
      docId: TWO_DOC,
      sets: ['ana', 'cleo'],
    })) as CompareResult
    expect(none.sets.cleo).toBeNull()
    expect(none.disagreements).toEqual([])
    await call('curation:start', { docId: TWO_DOC })
    const gold = (await call('document:compare-sets', {
      docId: TWO_DOC,
      sets: ['gold', 'ben'],
    })) as CompareResult
    expect(placed(gold.sets.gold)).toEqual(['source:The mayor'])
    expect(gold.disagreements.some((d) => d.kind === 'missing')).toBe(true)
  })

  it('refuses the same set twice, an unknown set and an unknown document', async () => {
    const { call } = await teamSession(tmp, sessions)
    await expect(
      call('document:compare-sets', { docId: TWO_DOC, sets: ['ana', 'ana'] }),
    ).rejects.toThrow(/invalid argument: sets: compare two different sets/)
    await expect(
      call('document:compare-sets', { docId: TWO_DOC, sets: ['ana', 'zed'] }),
    ).rejects.toThrow(/no annotations of "zed"/)
    await expect(
      call('document:compare-sets', { docId: 'nope', sets: ['ana', 'ben'] }),
    ).rejects.toThrow(/no document with id "nope"/)
    await expect(
      call('document:compare-sets', { docId: TWO_DOC, sets: ['ana', '../x'] }),
    ).rejects.toThrow(/invalid argument/)
  })
})

const claimTexts = (t: ClaimsTableResult) => t.rows.map((r) => `${r.analyst ?? '-'}:${r.claimText}`)

describe('claims by analyst', () => {
  it("shows the analyst's own claims by default, another analyst's, gold, or all", async () => {
    const { call } = await teamSession(tmp, sessions)
    const mine = (await call('claims:table')) as ClaimsTableResult
    expect(mine.rows).toEqual([]) // Cleo, the curator, annotated nothing
    const ben = (await call('claims:table', { sets: { analyst: 'ben' } })) as ClaimsTableResult
    expect(claimTexts(ben)).toEqual([
      '-:the port will reopen in May',
      '-:cost doubled',
      '-:tolls stay the same',
    ])
    const gold = (await call('claims:table', { sets: 'gold' })) as ClaimsTableResult
    expect(gold.rows).toEqual([])
    expect(gold.problems[0].message).toMatch(/no gold annotations yet/)
    const all = (await call('claims:table', { sets: 'all' })) as ClaimsTableResult
    expect(claimTexts(all)).toEqual([
      'ana:the port will reopen in May',
      'ana:the cost doubled',
      'ben:the port will reopen in May',
      'ben:cost doubled',
      'ben:tolls stay the same',
    ])
    // Rows keep the document's own id (to open it), and sources are summed per analyst.
    expect(new Set(all.rows.map((r) => r.documentId))).toEqual(new Set([TWO_DOC]))
    expect(all.summaries.map((s) => `${s.analyst}:${s.name}:${s.claims}`).sort()).toEqual([
      'ana:Critics:1',
      'ana:The mayor:1',
      'ben:The mayor:1',
    ])
  })

  it('exports every analyst with an analyst column that a CSV reader finds', async () => {
    const { call, answers } = await teamSession(tmp, sessions)
    answers.exportTo = path.join(tmp, 'claims.csv')
    const result = (await call('claims:export', {
      format: 'csv',
      sets: 'all',
    })) as ClaimsExportResult
    expect(result.rows).toBe(5)
    const code = [
      'import csv, json, sys',
      "rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8-sig', newline='')))",
      "print(json.dumps([[r['analyst'], r['document_id'], r['claim']] for r in rows]))",
    ].join('\n')
    const { stdout } = await promisify(execFile)('/usr/bin/python3', ['-c', code, answers.exportTo])
    expect(JSON.parse(stdout)).toEqual([
      ['ana', TWO_DOC, 'the port will reopen in May'],
      ['ana', TWO_DOC, 'the cost doubled'],
      ['ben', TWO_DOC, 'the port will reopen in May'],
      ['ben', TWO_DOC, 'cost doubled'],
      ['ben', TWO_DOC, 'tolls stay the same'],
    ])
    // One analyst's table has no analyst column.
    await call('claims:export', { format: 'csv', sets: { analyst: 'ben' } })
    const header = (await readFile(answers.exportTo, 'utf8')).split('\r\n')[0]
    expect(header).not.toContain('analyst')
  })

  it('refuses an unknown analyst and a malformed choice', async () => {
    const { call } = await teamSession(tmp, sessions)
    await expect(call('claims:table', { sets: { analyst: 'zed' } })).rejects.toThrow(
      /no annotations of analyst "zed"/,
    )
    await expect(call('claims:table', { sets: 'everyone' })).rejects.toThrow(
      /claims:table: invalid argument: sets/,
    )
  })
})

describe('curation: edit, reject, majority', () => {
  it("accepts a curator's edit of a version: boundaries, label, attributes and link", async () => {
    const { call } = await teamSession(tmp, sessions)
    const started = (await call('curation:start', { docId: TWO_DOC })) as CurationState
    expect(started.rule).toBe('all')
    const boundary = started.disagreements.find((d) => d.kind === 'boundary')!
    const state = (await call('curation:decide', {
      docId: TWO_DOC,
      disagreementId: boundary.id,
      choice: {
        edit: [
          {
            layer: 'claim',
            label: 'Claim',
            ...at('said the cost doubled'),
            attributes: { checkability: 'factual' },
            // "Critics" is in no gold span yet: Ana's span there comes into gold with the link.
            links: [
              {
                type: 'attributed_to',
                direction: 'out',
                other: { layer: 'source', ...at('Critics') },
                attributes: { stance: 'asserts' },
              },
            ],
          },
        ],
      },
    })) as CurationState
    const claim = state.gold!.spans.find((s) => s.quote.exact === 'said the cost doubled')!
    expect(claim).toMatchObject({ attributes: { checkability: 'factual' }, curatedBy: 'Cleo' })
    const critics = state.gold!.spans.find((s) => s.quote.exact === 'Critics')!
    expect(critics.annotator).toBe('Ana')
    expect(state.gold!.relations).toContainEqual(
      expect.objectContaining({
        type: 'attributed_to',
        from: claim.id,
        to: critics.id,
        attributes: { stance: 'asserts' },
        curatedBy: 'Cleo',
      }),
    )
    expect(state.decisions[boundary.id]).toMatchObject({ choice: 'edit', curator: 'Cleo' })
  })

  it('refuses an edit with a label or link the schema does not allow', async () => {
    const { call } = await teamSession(tmp, sessions)
    const { disagreements } = (await call('curation:start', { docId: TWO_DOC })) as CurationState
    const decide = (edit: unknown) =>
      call('curation:decide', {
        docId: TWO_DOC,
        disagreementId: disagreements[0].id,
        choice: { edit: [edit] },
      })
    const span = { layer: 'claim', ...at('cost doubled') }
    await expect(decide({ ...span, label: 'Nope' })).rejects.toThrow(/has no label "Nope"/)
    const backwards = {
      type: 'attributed_to',
      direction: 'in',
      other: { layer: 'source', ...at('Critics') },
    }
    await expect(decide({ ...span, label: 'Claim', links: [backwards] })).rejects.toThrow(
      /cannot go from layer source to layer claim/,
    )
  })

  it('rejects every version of a disagreement: nothing of it enters gold', async () => {
    const { call } = await teamSession(tmp, sessions)
    const started = (await call('curation:start', { docId: TWO_DOC })) as CurationState
    const boundary = started.disagreements.find((d) => d.kind === 'boundary')!
    const state = (await call('curation:decide', {
      docId: TWO_DOC,
      disagreementId: boundary.id,
      choice: { reject: true },
    })) as CurationState
    expect(placed(state.gold).filter((p) => p.includes('cost'))).toEqual([])
    expect(state.decisions[boundary.id]).toMatchObject({ choice: 'reject', curator: 'Cleo' })
  })

  it('with the majority rule, accepts what two of three analysts gave, and logs it', async () => {
    // Cal agrees with Ana everywhere except that he has no "Critics" source.
    const addCal = async (dir: string) => {
      const store = await ProjectStore.open(dir, { analyst: 'Cal' })
      try {
        const cal = structuredClone(twoAnalystSets()[ANA.id])
        cal.spans = cal.spans.filter((s) => s.quote.exact !== 'Critics')
        cal.relations = cal.relations.filter((r) => r.to !== 'a3')
        cal.spans.push(spanAt(TWO_TEXT, 'c9', 'sentiment', 'Sentiment', '=Harbour news'))
        await store.saveAnnotations(TWO_DOC, cal, { stamp: false })
      } finally {
        await store.close()
      }
    }
    const { call, dir } = await teamSession(tmp, sessions, false, addCal)
    const all = (await call('curation:state', { docId: TWO_DOC })) as CurationState
    expect(all.analysts).toEqual(['ana', 'ben', 'cal'])
    const started = (await call('curation:start', {
      docId: TWO_DOC,
      rule: 'majority',
    })) as CurationState
    expect(started.rule).toBe('majority')
    // Checkability: Ana and Cal say factual, Ben opinion → factual. "=Harbour news" sentiment:
    // Ben and Cal → in. "tolls stay the same": Ben only → out. The claim "the cost doubled" (Ana,
    // Cal) wins its boundaries over Ben's "cost doubled".
    const claim = started.gold!.spans.find((s) => s.quote.exact === 'the port will reopen in May')!
    expect(claim.attributes).toEqual({ checkability: 'factual' })
    expect(placed(started.gold)).toContain('sentiment:=Harbour news')
    expect(placed(started.gold)).toContain('claim:the cost doubled')
    expect(placed(started.gold)).not.toContain('claim:tolls stay the same')
    expect(placed(started.gold)).not.toContain('claim:cost doubled')
    const byRule = Object.values(started.decisions).map((d) => d.choice)
    expect(byRule).toContain('majority: ana, cal')
    expect(byRule).toContain('majority: ben, cal')
    expect(started.resolved).toBe(Object.keys(started.decisions).length)
    expect(started.resolved).toBeGreaterThan(0)
    const log = JSON.parse(await readFile(path.join(dir, 'curation', `${TWO_DOC}.json`), 'utf8'))
    expect(log.rule).toBe('majority')
  })

  it('with the default rule (all agree), decides nothing on its own', async () => {
    const { call } = await teamSession(tmp, sessions)
    const started = (await call('curation:start', { docId: TWO_DOC })) as CurationState
    expect(started.resolved).toBe(0)
    expect(placed(started.gold)).toEqual(['source:The mayor'])
  })
})
