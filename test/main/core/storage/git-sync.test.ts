// A project shared through git, for real: two clones of one repository, two analysts working at the
// same time in each (annotating the same and different documents, adding documents, schema
// additions and entities, and both recolouring one layer), committing, and pulling each other's
// work. Git must merge without a single conflict, and both clones must then hold the same project:
// both sets of annotations, both documents, both schema additions, both entities, and the colour
// edit settled by the documented rule and reported, never silently lost.
import { execFile } from 'node:child_process'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { ProjectStore, type StoreEnv } from '../../../../src/main/core/storage'
import type { Annotations } from '../../../../src/shared/model'
import { cli } from '../../cli/run-cli'
import { spanAt } from '../../fixtures/span-at'
import { newDocument } from './helpers'
import { tempDir } from './temp-dir'

const exec = promisify(execFile)

/** Runs git in `cwd` as a fixed, offline identity. */
async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await exec('git', ['-c', 'init.defaultBranch=main', ...args], {
    cwd,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.org',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.org',
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: cwd,
    },
  })
  return stdout
}

/** A clock at `minute` past a fixed hour, ticking a second per call; random ids. */
function clockAt(minute: number): StoreEnv {
  let tick = 0
  return {
    now: () => new Date(Date.UTC(2024, 5, 19, 12, minute, tick++)),
    newId: (prefix) => `${prefix}-${globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 20)}`,
  }
}

const SHARED = 'Putin said the deal was historic, and Kim called it a fiery friendship.'

/** A claim and its source on SHARED, with the analyst's own reading of where the claim ends. */
function reading(annotator: string, claim: string): Annotations {
  return {
    spans: [
      spanAt(SHARED, 's-claim', 'claim', 'Claim', claim, { annotator }),
      spanAt(SHARED, 's-source', 'source', 'Source', 'Putin', { annotator }),
    ],
    relations: [],
    docLabels: {},
  }
}

/** One analyst's session in their clone: annotate, add, extend the schema, add an entity. */
async function work(clone: string, analyst: string, minute: number, own: string): Promise<void> {
  const store = await ProjectStore.open(clone, { analyst, env: clockAt(minute) })
  const [shared] = store.project.documents
  await store.saveAnnotations(
    shared.id,
    reading(analyst, analyst === 'Alice' ? 'the deal was historic' : 'deal was historic'),
  )
  const added = await store.addDocument({
    ...newDocument(`${own} article, by ${analyst}.`),
    annotations: { spans: [], relations: [], docLabels: { overall_sentiment: ['neutral'] } },
  })
  // The same article, added by both at once.
  await store.addDocument(newDocument('An article both analysts found the same morning.'))
  if (added.status !== 'added') throw new Error('not added')
  const schema = structuredClone(store.project.schema)
  schema.layers[0].labels.push({ name: `${own} label` })
  schema.layers[0].color = analyst === 'Alice' ? '#aa0000' : '#0000aa'
  await store.setSchema(schema)
  await store.setEntities([
    ...store.project.entities,
    { id: `e-${own.toLowerCase()}`, name: `${own} entity`, kind: 'person', aliases: [], note: '' },
  ])
  await store.close()
}

describe('sharing a project through git', () => {
  it('two analysts in two clones: no conflict, and both clones see all of both', async () => {
    const root = await tempDir()
    const origin = path.join(root, 'origin.git')
    const seed = path.join(root, 'seed')
    await mkdir(origin)
    await git(origin, 'init', '--bare')
    const lead = await ProjectStore.create(seed, { name: 'Team', analyst: 'Lead', env: clockAt(0) })
    await lead.addDocument(newDocument(SHARED, 'The shared article'))
    await lead.close()
    await git(seed, 'init')
    await git(seed, 'add', '-A')
    await git(seed, 'commit', '-m', 'A project')
    await git(seed, 'push', origin, 'main')
    const alice = path.join(root, 'alice')
    const bob = path.join(root, 'bob')
    await git(root, 'clone', origin, alice)
    await git(root, 'clone', origin, bob)

    await work(alice, 'Alice', 10, 'First')
    await work(bob, 'Bob', 20, 'Second')
    for (const clone of [alice, bob]) {
      await git(clone, 'add', '-A')
      await git(clone, 'commit', '-m', `work in ${path.basename(clone)}`)
    }
    await git(alice, 'push', 'origin', 'main')
    await git(bob, 'pull', '--no-rebase', '--no-edit', 'origin', 'main')
    await git(bob, 'push', 'origin', 'main')
    await git(alice, 'pull', '--no-rebase', '--no-edit', 'origin', 'main')

    const seen: unknown[] = []
    for (const clone of [alice, bob]) {
      expect(await git(clone, 'status', '--porcelain')).toBe('') // .marginalia/ is ignored
      expect(await git(clone, 'ls-files', '-u')).toBe('') // nothing unmerged
      const store = await ProjectStore.open(clone, { lock: false })
      const titles = store.project.documents.map((d) => d.title)
      expect(titles).toEqual(['The shared article', 'Test article', 'Test article', 'Test article'])
      const [shared, , both] = store.project.documents
      // Both readings of the shared article, each the analyst's own set.
      expect(store.listAnalysts(shared.id).map((a) => a.id)).toEqual(['alice', 'bob'])
      const quotes = []
      for (const id of ['alice', 'bob']) {
        const set = await store.loadAnnotations(shared.id, id)
        quotes.push(set?.annotations.spans[0].quote.exact)
      }
      expect(quotes).toEqual(['the deal was historic', 'deal was historic'])
      // The article both added is listed once; the second copy is reported.
      expect(store.conflicts.filter((c) => c.kind === 'document')).toEqual([
        expect.objectContaining({
          target: `document "Test article" added twice`,
          kept: expect.objectContaining({ analyst: 'Alice', value: both.id }),
        }),
      ])
      const { schema, entities } = store.project
      const labels = schema.layers[0].labels.map((l) => l.name)
      expect(labels).toEqual(['Claim', 'First label', 'Second label'])
      expect(entities.map((e) => e.id)).toEqual(['e-first', 'e-second'])
      // Both recoloured the claim layer: the later change (Bob's) wins, Alice's is reported.
      expect(schema.layers[0].color).toBe('#0000aa')
      expect(store.conflicts.filter((c) => c.kind === 'schema')).toEqual([
        expect.objectContaining({
          target: 'layer "claim" color',
          kept: expect.objectContaining({ analyst: 'Bob', value: '#0000aa' }),
          lost: [expect.objectContaining({ analyst: 'Alice', value: '#aa0000' })],
        }),
      ])
      expect(store.problems).toEqual([])
      seen.push({ project: store.project, conflicts: store.conflicts })
      await store.close()
      const validated = await cli('validate', clone)
      expect(validated.code).toBe(0)
      // The settled edit is shown, naming both analysts and both values.
      expect(validated.out).toMatch(
        /conflict: layer "claim" color: kept "#0000aa" \(Bob, changes\/bob\/.*\.json\); not kept: "#aa0000" \(Alice, changes\/alice\/.*\.json\)/,
      )
    }
    // Both clones compute exactly the same project.
    expect(seen[1]).toEqual(seen[0])

    // Alice settles the colour, having seen Bob's: the conflict is gone in both clones.
    const settle = await ProjectStore.open(alice, { analyst: 'Alice', env: clockAt(30) })
    const schema = structuredClone(settle.project.schema)
    schema.layers[0].color = '#00aa00'
    await settle.setSchema(schema)
    expect(settle.conflicts.filter((c) => c.kind === 'schema')).toEqual([])
    await settle.close()
    await git(alice, 'add', '-A')
    await git(alice, 'commit', '-m', 'settle the colour')
    await git(alice, 'push', 'origin', 'main')
    await git(bob, 'pull', '--no-rebase', '--no-edit', 'origin', 'main')
    const again = await ProjectStore.open(bob, { lock: false })
    expect(again.project.schema.layers[0].color).toBe('#00aa00')
    expect(again.conflicts.filter((c) => c.kind === 'schema')).toEqual([])
    await again.close()
  }, 60_000)
})
