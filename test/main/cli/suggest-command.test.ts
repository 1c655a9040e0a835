// `marginalia suggest`: lists the engine's open suggestions per document, and with --accept writes
// them as the `auto` annotation set (spans whose offsets select their quotes, links included) that
// the project's own validation accepts, never into a person's set; agreement then compares `auto`
// with a person.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { EXIT } from '../../../src/main/cli/exit-codes'
import { ProjectStore } from '../../../src/main/core/storage'
import type { AgreementReport } from '../../../src/shared/agreement'
import type { Annotations, DocumentFile } from '../../../src/shared/model'
import type { Suggestion } from '../../../src/shared/suggest'
import { validateAnnotations } from '../../../src/shared/validate'
import { cli } from './run-cli'

/** The sample's annotations are the set of analyst "sample": the tests work as that analyst. */
const SAMPLE = 'sample'
const AS_SAMPLE = ['--annotator', SAMPLE]

let root: string
let dir: string

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'marginalia-suggest-command-'))
  dir = path.join(root, 'proj')
  const init = await cli('init', dir, '--sample')
  if (init.code !== 0) throw new Error(init.err)
})
afterEach(() => rm(root, { recursive: true, force: true }))

async function load(): Promise<{ file: DocumentFile; store: ProjectStore }> {
  const store = await ProjectStore.open(dir, { lock: false, analyst: SAMPLE })
  return { file: await store.loadDocument(store.project.documents[0].id), store }
}

async function save(annotations: Annotations): Promise<void> {
  const store = await ProjectStore.open(dir, { lock: true, analyst: SAMPLE })
  try {
    await store.saveAnnotations(store.project.documents[0].id, annotations)
  } finally {
    await store.close()
  }
}

type Listed = { documents: { id: string; suggestions: Suggestion[] }[] }

describe('marginalia suggest', () => {
  it('lists the open suggestions of the kinds asked for, leaving out what is annotated', async () => {
    const result = await cli(...AS_SAMPLE, 'suggest', dir, '--kinds', 'cues,claims', '--json')
    expect(result).toMatchObject({ code: EXIT.ok, err: '' })
    const { documents } = JSON.parse(result.out) as Listed
    expect(documents).toHaveLength(1)
    const { suggestions } = documents[0]
    expect(new Set(suggestions.map((s) => s.kind))).toEqual(new Set(['cue', 'claim']))
    const { file, store } = await load()
    await store.close()
    for (const s of suggestions) expect(file.document.text.slice(s.start, s.end)).toBe(s.quote)
    // The sample's own "said" cue after "Russian state media" is not annotated; its "spoke" claim
    // by TASS is: suggestions never repeat a span on the same layer.
    for (const span of file.annotations.spans)
      expect(
        suggestions.some(
          (s) => s.layer === span.layer && s.start === span.start && s.end === span.end,
        ),
      ).toBe(false)

    const text = await cli(...AS_SAMPLE, 'suggest', dir, '--kinds', 'cues')
    expect(text.code).toBe(EXIT.ok)
    expect(text.out).toMatch(/: \d+ open \(\d+ cue\)\n/)
    expect(text.out).toContain('"said"')
  })

  it('--accept writes them as the "auto" set, with links, valid, and leaves the person\'s set alone', async () => {
    const before = (await cli(...AS_SAMPLE, 'suggest', dir, '--json')).out
    const listed = (JSON.parse(before) as Listed).documents[0].suggestions
    const { file: old, store: s0 } = await load()
    await s0.close()

    const result = await cli(...AS_SAMPLE, 'suggest', dir, '--accept')
    expect(result).toMatchObject({ code: EXIT.ok, err: '' })
    expect(result.out).toMatch(/accepted into the "auto" set: \d+ spans, \d+ relations/)

    const { file, store } = await load()
    try {
      // The analyst's own set is exactly as it was.
      expect(file.annotations).toEqual(old.annotations)
      const auto = (await store.loadAnnotations(file.document.id, 'auto'))!
      expect(auto).toMatchObject({ set: 'auto', analyst: 'auto' })
      const { spans, relations } = auto.annotations
      expect(spans.every((s) => s.annotator === 'auto')).toBe(true)
      // Every suggestion of the default kinds, including those the analyst's set already holds.
      expect(old.annotations.spans.length).toBeGreaterThan(0)
      expect(spans.length).toBeGreaterThan(listed.length)
      for (const s of listed)
        expect(
          spans.some((a) => a.layer === s.layer && a.start === s.start && a.end === s.end),
        ).toBe(true)
      expect(relations.length).toBeGreaterThan(10)
      expect(new Set(relations.map((r) => r.type))).toEqual(new Set(['cue_of', 'attributed_to']))
      expect(
        validateAnnotations(
          store.project.schema,
          file.document,
          auto.annotations,
          store.project.entities,
        ),
      ).toEqual([])
      expect(store.listAnalysts().map((a) => a.id)).toContain('auto')
    } finally {
      await store.close()
    }
    // Accepting again adds nothing twice; the person is still offered what they have not done.
    const again = await cli(...AS_SAMPLE, 'suggest', dir, '--accept', '--json')
    const second = JSON.parse(again.out) as { documents: { accepted: { spans: number } }[] }
    expect(second.documents[0].accepted).toEqual({ spans: 0, relations: 0 })
    const open = JSON.parse((await cli(...AS_SAMPLE, 'suggest', dir, '--json')).out) as Listed
    expect(open.documents[0].suggestions).toHaveLength(listed.length)
  })

  it('agreement compares the "auto" set with a person (--analysts auto,<id>)', async () => {
    expect((await cli(...AS_SAMPLE, 'suggest', dir, '--kinds', 'cues', '--accept')).code).toBe(
      EXIT.ok,
    )
    const { file, store } = await load()
    const person = store.analyst.id
    const auto = (await store.loadAnnotations(file.document.id, 'auto'))!.annotations
    await store.close()
    const personCues = file.annotations.spans.filter((s) => s.layer === 'cue')
    const same = personCues.filter((p) =>
      auto.spans.some((a) => a.layer === 'cue' && a.start === p.start && a.end === p.end),
    ).length
    const result = await cli(
      'agreement',
      dir,
      '--analysts',
      `auto,${person}`,
      '--layer',
      'cue',
      '--json',
    )
    expect(result).toMatchObject({ code: EXIT.ok, err: '' })
    const report = JSON.parse(result.out) as AgreementReport
    expect(report.analysts).toEqual(['auto', person])
    const cue = report.project.layers.find((l) => l.layer === 'cue')!
    expect(cue.spanCounts).toEqual({ auto: auto.spans.length, [person]: personCues.length })
    // Exact matches are the cues both marked at the same offsets, worked out from the files.
    expect(cue.spans[0].exact.tp).toBe(same)
    expect(same).toBeGreaterThan(0)
  })

  it("leaves out what the analyst rejected when listing; the auto set is the engine's own", async () => {
    const { file, store } = await load()
    await store.close()
    const all = (
      JSON.parse(
        (await cli(...AS_SAMPLE, 'suggest', dir, '--kinds', 'cues', '--json')).out,
      ) as Listed
    ).documents[0].suggestions
    const rejected = all.slice(0, 3).map((s) => s.id)
    await save({ ...file.annotations, suggestions: { rejected } })
    const after = (
      JSON.parse(
        (await cli(...AS_SAMPLE, 'suggest', dir, '--kinds', 'cues', '--json')).out,
      ) as Listed
    ).documents[0].suggestions
    expect(after.map((s) => s.id)).toEqual(all.slice(3).map((s) => s.id))
    await cli(...AS_SAMPLE, 'suggest', dir, '--kinds', 'cues', '--accept')
    const { file: mine, store: s2 } = await load()
    const auto = (await s2.loadAnnotations(mine.document.id, 'auto'))!.annotations
    await s2.close()
    expect(mine.annotations.suggestions?.rejected).toEqual(rejected)
    expect(mine.annotations.spans).toEqual(file.annotations.spans)
    for (const s of all)
      expect(auto.spans.some((a) => a.start === s.start && a.end === s.end)).toBe(true)
  })

  it('refuses "auto" and "gold" as --annotator, with a clear message', async () => {
    for (const name of ['auto', 'Gold', ' AUTO ']) {
      const result = await cli('--annotator', name, 'suggest', dir, '--accept')
      expect(result.code).toBe(EXIT.usage)
      expect(result.err).toMatch(
        /^error: --annotator: ".+" cannot be an analyst's name: "(auto|gold)" is the reserved/,
      )
    }
    expect((await cli('--annotator', 'Autumn', 'suggest', dir)).code).toBe(EXIT.ok)
  })

  it('refuses an unknown kind (usage) and an unknown document', async () => {
    const bad = await cli(...AS_SAMPLE, 'suggest', dir, '--kinds', 'cues,verbs')
    expect(bad.code).toBe(EXIT.usage)
    expect(bad.err).toMatch(/unknown kind "verbs"/)
    const missing = await cli(...AS_SAMPLE, 'suggest', dir, '--doc', 'nope')
    expect(missing.code).toBe(EXIT.failed)
    expect(missing.err).toMatch(/no document with id "nope"/)
  })
})
