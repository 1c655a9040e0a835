// Suggestions through main's handlers, over the sample project in a temp folder: feedback on cues
// is counted in the analyst's own file (feedback/<analyst>.json), every analyst's counts add up,
// and the project's lexicon is tuned from the sum through the schema change (a cue rejected three
// times is switched off, and the switch survives reopening); "Pre-annotate on import" accepts the
// engine's suggestions into imported documents as their `auto` annotation set (never the importing
// analyst's) only when the project's setting is on, which Agreement then compares with a person.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { handlerSession } from './fixtures/handler-session'
import { SAMPLE_FOLDER_NAME } from '../../src/main/sample-project'
import type { AppSession } from '../../src/main/session'
import { ProjectStore } from '../../src/main/core/storage'
import type { ImportReport, ProjectSnapshot } from '../../src/shared/ipc-contract'
import type { AgreementReport } from '../../src/shared/agreement'
import type { DocumentFile } from '../../src/shared/model'
import { lexiconOf } from '../../src/shared/suggest'
import { validateAnnotations } from '../../src/shared/validate'

let tmp: string
let sessions: AppSession[]

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'marginalia-suggestions-'))
  sessions = []
})

afterEach(async () => {
  for (const session of sessions) await session.dispose()
  await rm(tmp, { recursive: true, force: true })
})

async function setup() {
  const { session, call } = handlerSession({ tmp })
  sessions.push(session)
  await call('app:init')
  const projectDir = path.join(tmp, 'userData', 'projects', SAMPLE_FOLDER_NAME)
  return { call, projectDir, session }
}

const ARTICLE =
  'Ministers meet on water rights\n\n' +
  'The talks will resume on Monday, the foreign ministry said in a statement.\n\n' +
  '“We are ready to sign,” said Anna Berg, the chief negotiator. ' +
  'She told reporters that a deal was close.\n'

describe('suggestions:feedback', () => {
  /** The working analyst's own feedback file, as written. */
  const ownCounts = async (projectDir: string, snapshot: ProjectSnapshot) =>
    JSON.parse(
      await readFile(path.join(projectDir, 'feedback', `${snapshot.analyst.id}.json`), 'utf8'),
    ) as { set: string; analyst: string; counts: Record<string, unknown> }

  it("counts decisions in the analyst's own file and switches a cue off after three rejections", async () => {
    const { call, projectDir } = await setup()
    const reject = { phrase: 'claim', accepted: false }
    let result = (await call('suggestions:feedback', {
      decisions: [reject, reject, { phrase: 'say', accepted: true }],
    })) as { snapshot: ProjectSnapshot; changes: unknown[] }
    expect(result.changes).toEqual([])
    const own = await ownCounts(projectDir, result.snapshot)
    expect(own).toMatchObject({ set: result.snapshot.analyst.id })
    expect(own.counts).toEqual({
      claim: { accepted: 0, rejected: 2 },
      say: { accepted: 1, rejected: 0 },
    })
    expect(result.snapshot.project.schema.suggestions?.feedback).toBeUndefined()
    expect(lexiconOf(result.snapshot.project.schema.suggestions).cues.map((c) => c.key)).toContain(
      'claim',
    )
    result = (await call('suggestions:feedback', { decisions: [reject] })) as typeof result
    expect(result.changes).toEqual([{ phrase: 'claim', enabled: false, accepted: 0, rejected: 3 }])
    const settings = result.snapshot.project.schema.suggestions
    expect(lexiconOf(settings).cues.map((c) => c.key)).not.toContain('claim')

    // On disk: the switch is a schema change (what every analyst reads), the counts the analyst's.
    const reopened = await ProjectStore.open(projectDir, { lock: false })
    const onDisk = reopened.project.schema.suggestions
    await reopened.close()
    expect(onDisk?.cues).toEqual([{ phrase: 'claim', enabled: false }])
    expect((await ownCounts(projectDir, result.snapshot)).counts.claim).toEqual({
      accepted: 0,
      rejected: 3,
    })
  })

  it("adds up every analyst's counts, each analyst writing only their own file", async () => {
    const { call, projectDir } = await setup()
    const reject = { phrase: 'claim', accepted: false }
    const first = (await call('suggestions:feedback', { decisions: [reject, reject] })) as {
      snapshot: ProjectSnapshot
      changes: unknown[]
    }
    expect(first.changes).toEqual([])
    // Bob's rejection arrives with a sync (his app wrote his own file on his machine).
    const bob = {
      format: 'marginalia-cue-feedback',
      version: 1,
      set: 'bob',
      analyst: 'Bob',
      counts: { claim: { accepted: 0, rejected: 1 } },
    }
    const bobFile = path.join(projectDir, 'feedback', 'bob.json')
    await writeFile(bobFile, `${JSON.stringify(bob)}\n`)
    const next = (await call('suggestions:feedback', {
      decisions: [{ phrase: 'say', accepted: true }],
    })) as typeof first
    // 2 (ours) + 1 (Bob's) rejections: the cue is switched off for the team.
    expect(next.changes).toEqual([{ phrase: 'claim', enabled: false, accepted: 0, rejected: 3 }])
    expect((await ownCounts(projectDir, next.snapshot)).counts.claim).toEqual({
      accepted: 0,
      rejected: 2,
    })
    expect(JSON.parse(await readFile(bobFile, 'utf8'))).toEqual(bob)
  })

  it("names another analyst's broken feedback file and writes nothing", async () => {
    const { call, projectDir } = await setup()
    await mkdir(path.join(projectDir, 'feedback'), { recursive: true })
    await writeFile(path.join(projectDir, 'feedback', 'bob.json'), '{"format":"nope"}\n')
    await expect(
      call('suggestions:feedback', { decisions: [{ phrase: 'say', accepted: true }] }),
    ).rejects.toThrow(/feedback.bob\.json: not the cue feedback of analyst bob/)
  })

  it('ignores phrases that are not in the lexicon and refuses a malformed payload', async () => {
    const { call, projectDir } = await setup()
    const result = (await call('suggestions:feedback', {
      decisions: [{ phrase: 'whispered loudly', accepted: false }],
    })) as { snapshot: ProjectSnapshot }
    expect((await ownCounts(projectDir, result.snapshot)).counts).toEqual({})
    await expect(call('suggestions:feedback', { decisions: [] })).rejects.toThrow()
    await expect(
      call('suggestions:feedback', { decisions: [{ phrase: 'say', accepted: 'yes' }] }),
    ).rejects.toThrow()
  })
})

describe('pre-annotate on import', () => {
  async function importArticle(call: (c: string, a?: unknown) => Promise<unknown>) {
    const report = (await call('import:data', {
      files: [{ name: 'talks.txt', data: new TextEncoder().encode(ARTICLE) }],
    })) as ImportReport
    expect(report.errors).toEqual([])
    return (await call('document:load', { docId: report.added[0].id })) as DocumentFile
  }

  it('is off by default: an imported document has no annotations', async () => {
    const { call } = await setup()
    const file = await importArticle(call)
    expect(file.annotations.spans).toEqual([])
  })

  it('when the project setting is on, imports come with the accepted suggestions as the "auto" set', async () => {
    const { call, session } = await setup()
    const snapshot = (await call('project:snapshot')) as ProjectSnapshot
    const schema = snapshot.project.schema
    await call('project:set-schema', {
      schema: { ...schema, suggestions: { ...schema.suggestions, preAnnotate: true } },
    })
    const mine = await importArticle(call)
    // The importing analyst's own set stays empty: the engine's work is not theirs.
    expect(mine.annotations.spans).toEqual([])
    const store = session.requireStore()
    const auto = (await store.loadAnnotations(mine.document.id, 'auto'))!
    expect(auto).toMatchObject({ set: 'auto', analyst: 'auto' })
    const after = (await call('project:snapshot')) as ProjectSnapshot
    expect(after.analysts).toContainEqual({ id: 'auto', name: 'auto', documents: 1 })
    const file = { document: mine.document, annotations: auto.annotations }
    const { spans, relations } = file.annotations
    const text = (s: { start: number; end: number }) => file.document.text.slice(s.start, s.end)
    expect(spans.every((s) => s.annotator === 'auto')).toBe(true)
    expect(spans.filter((s) => s.layer === 'cue').map(text)).toEqual([
      'said in a statement',
      'said',
      'told reporters',
    ])
    expect(spans.filter((s) => s.layer === 'source').map(text)).toEqual([
      'the foreign ministry',
      'Anna Berg, the chief negotiator',
      'She',
    ])
    const claim = spans.find((s) => text(s) === 'The talks will resume on Monday')!
    const ministry = spans.find((s) => text(s) === 'the foreign ministry')!
    expect(relations).toContainEqual(
      expect.objectContaining({ type: 'attributed_to', from: claim.id, to: ministry.id }),
    )
    expect(relations.filter((r) => r.type === 'cue_of')).toHaveLength(3)
    const project = (await call('project:snapshot')) as ProjectSnapshot
    expect(
      validateAnnotations(
        project.project.schema,
        file.document,
        file.annotations,
        project.project.entities,
      ),
    ).toEqual([])

    // The analyst tags two of the cues the engine found, and one it did not: agreement between
    // `auto` and the analyst counts exactly that.
    const cues = spans.filter((s) => s.layer === 'cue')
    const own = cues.slice(0, 2).map((s) => ({ ...s, id: `me-${s.id}`, annotator: 'me' }))
    const extra = { ...own[0], id: 'me-extra', start: 0, end: 4 }
    extra.quote = { ...extra.quote, exact: file.document.text.slice(0, 4) }
    extra.quote.prefix = ''
    extra.quote.suffix = file.document.text.slice(4, 36)
    await call('document:save', {
      docId: mine.document.id,
      annotations: { spans: [...own, extra], relations: [], docLabels: {} },
    })
    const me = after.analyst.id
    const { report } = (await call('agreement:compute', {
      docIds: [mine.document.id],
      analysts: ['auto', me],
      layers: ['cue'],
    })) as { report: AgreementReport }
    expect(report.analysts).toEqual(['auto', me])
    const cue = report.project.layers[0]
    expect(cue.spanCounts).toEqual({ auto: cues.length, [me]: 3 })
    expect(cue.spans[0].exact).toMatchObject({ tp: 2, a: cues.length, b: 3 })
  })

  it('refuses "auto" and "gold" as the analyst\'s name, saying why', async () => {
    const { call } = await setup()
    await expect(call('settings:set', { annotator: 'Auto' })).rejects.toThrow(
      /"Auto" cannot be an analyst's name: "auto" is the reserved annotation set/,
    )
    await expect(call('settings:set', { annotator: 'gold' })).rejects.toThrow(/reserved/)
    const settings = (await call('settings:get')) as { annotator: string }
    expect(settings.annotator).not.toMatch(/^(auto|gold)$/i)
    await expect(call('settings:set', { annotator: 'Automne' })).resolves.toMatchObject({
      annotator: 'Automne',
    })
  })
})
