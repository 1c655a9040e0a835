// `marginalia suggest`: lists the engine's open suggestions per document, and with --accept writes
// them as annotations by "auto" (spans whose offsets select their quotes, links included) that the
// project's own validation accepts; rejected and annotated suggestions are left out.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { EXIT } from '../../../src/main/cli/exit-codes'
import { ProjectStore } from '../../../src/main/core/storage'
import type { Annotations, DocumentFile } from '../../../src/shared/model'
import type { Suggestion } from '../../../src/shared/suggest'
import { validateAnnotations } from '../../../src/shared/validate'
import { cli } from './run-cli'

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
  const store = await ProjectStore.open(dir, { lock: false })
  return { file: await store.loadDocument(store.project.documents[0].id), store }
}

async function save(annotations: Annotations): Promise<void> {
  const store = await ProjectStore.open(dir, { lock: true })
  try {
    await store.saveAnnotations(store.project.documents[0].id, annotations)
  } finally {
    await store.close()
  }
}

type Listed = { documents: { id: string; suggestions: Suggestion[] }[] }

describe('marginalia suggest', () => {
  it('lists the open suggestions of the kinds asked for, leaving out what is annotated', async () => {
    const result = await cli('suggest', dir, '--kinds', 'cues,claims', '--json')
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

    const text = await cli('suggest', dir, '--kinds', 'cues')
    expect(text.code).toBe(EXIT.ok)
    expect(text.out).toMatch(/: \d+ open \(\d+ cue\)\n/)
    expect(text.out).toContain('"said"')
  })

  it('--accept writes them as annotations by "auto", with links, valid against the schema', async () => {
    const before = (await cli('suggest', dir, '--json')).out
    const listed = (JSON.parse(before) as Listed).documents[0].suggestions
    const { file: old, store: s0 } = await load()
    await s0.close()

    const result = await cli('suggest', dir, '--accept')
    expect(result).toMatchObject({ code: EXIT.ok, err: '' })
    expect(result.out).toMatch(/accepted as "auto": \d+ spans, \d+ relations/)

    const { file, store } = await load()
    try {
      const added = file.annotations.spans.filter((s) => s.annotator === 'auto')
      expect(added).toHaveLength(listed.length)
      const addedRelations = file.annotations.relations.filter((r) => r.annotator === 'auto')
      expect(addedRelations.length).toBeGreaterThan(10)
      expect(new Set(addedRelations.map((r) => r.type))).toEqual(
        new Set(['cue_of', 'attributed_to']),
      )
      expect(file.annotations.spans.length).toBe(old.annotations.spans.length + added.length)
      expect(
        validateAnnotations(
          store.project.schema,
          file.document,
          file.annotations,
          store.project.entities,
        ),
      ).toEqual([])
      // Nothing is left to propose of those kinds.
      const again = JSON.parse((await cli('suggest', dir, '--json')).out) as Listed
      expect(again.documents[0].suggestions).toEqual([])
    } finally {
      await store.close()
    }
  })

  it('leaves out what an analyst rejected in the document', async () => {
    const { file, store } = await load()
    await store.close()
    const all = (JSON.parse((await cli('suggest', dir, '--kinds', 'cues', '--json')).out) as Listed)
      .documents[0].suggestions
    const rejected = all.slice(0, 3).map((s) => s.id)
    await save({ ...file.annotations, suggestions: { rejected } })
    const after = (
      JSON.parse((await cli('suggest', dir, '--kinds', 'cues', '--json')).out) as Listed
    ).documents[0].suggestions
    expect(after.map((s) => s.id)).toEqual(all.slice(3).map((s) => s.id))
    await cli('suggest', dir, '--kinds', 'cues', '--accept')
    const { file: accepted, store: s2 } = await load()
    await s2.close()
    const quotes = accepted.annotations.spans.filter((s) => s.annotator === 'auto')
    expect(quotes).toHaveLength(all.length - 3)
    expect(accepted.annotations.suggestions?.rejected).toEqual(rejected)
  })

  it('refuses an unknown kind (usage) and an unknown document', async () => {
    const bad = await cli('suggest', dir, '--kinds', 'cues,verbs')
    expect(bad.code).toBe(EXIT.usage)
    expect(bad.err).toMatch(/unknown kind "verbs"/)
    const missing = await cli('suggest', dir, '--doc', 'nope')
    expect(missing.code).toBe(EXIT.failed)
    expect(missing.err).toMatch(/no document with id "nope"/)
  })
})
