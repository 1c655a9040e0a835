import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importCommand } from '../../../../src/main/cli/commands/import'
import { ProjectStore } from '../../../../src/main/core/storage'

let root: string
let project: string
let source: string
const printed = { out: '', err: '' }
const io = {
  stdout: (t: string) => void (printed.out += t),
  stderr: (t: string) => void (printed.err += t),
}

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'marginalia-import-'))
  project = path.join(root, 'project')
  source = path.join(root, 'data.jsonl')
  printed.out = ''
  printed.err = ''
  await (await ProjectStore.create(project, { name: 'P' })).close()
  const lines = [
    {
      text: 'The minister 😀 said so.',
      label: [
        [0, 12, 'Claim'],
        [15, 19, 'PERSON'],
      ],
    },
    { text: 'Another one.', label: [] },
  ]
  await writeFile(source, lines.map((l) => JSON.stringify(l)).join('\n'))
})

afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('import command', () => {
  it('stops on unknown labels, listing them, and writes nothing', async () => {
    await expect(importCommand(project, source, { format: 'doccano' }, io)).rejects.toThrow(
      /unknown labels; run again with --add-labels or --skip-unknown/,
    )
    expect(printed.err).toContain('span person: PERSON (1)')
    const store = await ProjectStore.open(project, { lock: false })
    expect(store.project.documents).toEqual([])
    await store.close()
  })

  it('--add-labels adds them to the schema and imports every document', async () => {
    expect(await importCommand(project, source, { format: 'doccano', addLabels: true }, io)).toBe(0)
    const store = await ProjectStore.open(project, { lock: false })
    expect(store.project.schema.layers.find((l) => l.id === 'person')?.labels).toEqual([
      { name: 'PERSON' },
    ])
    expect(store.project.documents).toHaveLength(2)
    const doc = await store.loadDocument(store.project.documents[0].id)
    expect(
      doc.annotations.spans.map((s) => [s.layer, doc.document.text.slice(s.start, s.end)]),
    ).toEqual([
      ['claim', 'The minister'],
      ['person', 'said'],
    ])
    await store.close()
    expect(printed.out).toMatch(/Imported 2 of 2 documents/)
  })

  it('--skip-unknown leaves the schema and drops the unknown spans', async () => {
    expect(await importCommand(project, source, { format: 'doccano', skipUnknown: true }, io)).toBe(
      0,
    )
    const store = await ProjectStore.open(project, { lock: false })
    expect(store.project.schema.layers.some((l) => l.id === 'person')).toBe(false)
    const doc = await store.loadDocument(store.project.documents[0].id)
    expect(doc.annotations.spans.map((s) => s.label)).toEqual(['Claim'])
    await store.close()
  })

  it('documents already in the project change nothing, even with labels the schema lacks', async () => {
    expect(await importCommand(project, source, { format: 'doccano', skipUnknown: true }, io)).toBe(
      0,
    )
    const before = await readFile(path.join(project, 'project.json'), 'utf8')
    printed.out = ''
    // The same texts again: their unknown label does not stop the import, and is not added.
    expect(await importCommand(project, source, { format: 'doccano', addLabels: true }, io)).toBe(0)
    expect(printed.out).not.toMatch(/Adding to the schema/)
    expect(printed.out).toMatch(/skipped "data\.jsonl:1": already in the project/)
    expect(await readFile(path.join(project, 'project.json'), 'utf8')).toBe(before)
    expect(await importCommand(project, source, { format: 'doccano' }, io)).toBe(0)
  })

  it('names a missing source and an unknown format', async () => {
    await expect(
      importCommand(project, path.join(root, 'nope'), { format: 'doccano' }, io),
    ).rejects.toThrow(/nope: no such file or folder/)
    await expect(importCommand(project, source, { format: 'csv' }, io)).rejects.toThrow(
      /unknown import format "csv"/,
    )
  })
})
