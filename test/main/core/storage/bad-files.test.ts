import { lstat, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ProjectError, ProjectStore } from '../../../../src/main/core/storage'
import { setFile } from '../../fixtures/set-files'
import { annotationsFor, newDocument } from './helpers'
import { tempDir } from './temp-dir'

/**
 * A project with three documents, each with a set of annotations by analyst "Tester"; returns the
 * folder, the ids in list order, the document files and the annotation files.
 */
async function project() {
  const dir = await tempDir()
  const store = await ProjectStore.create(dir, { name: 'P', analyst: 'Tester' })
  const ids: string[] = []
  for (const text of ['First Putin text.', 'Second Putin text.', 'Third Putin text.']) {
    const labels = { spans: [], relations: [], docLabels: { overall_sentiment: ['neutral'] } }
    const r = await store.addDocument({ ...newDocument(text), annotations: labels })
    if (r.status === 'added') ids.push(r.entry.id)
  }
  const order = store.project.documents.map((d) => d.id)
  await store.close()
  return {
    dir,
    ids: order,
    files: order.map((id) => path.join(dir, 'documents', `${id}.json`)),
    sets: order.map((id) => setFile(dir, 'tester', id)),
  }
}

const ME = { analyst: 'Tester' }

/** Edits a JSON file as editors, git and sync clients do: a new file renamed over the old. */
async function edit(file: string, change: (json: Record<string, unknown>) => void) {
  const json = JSON.parse(await readFile(file, 'utf8'))
  change(json)
  await writeFile(`${file}.new`, JSON.stringify(json, null, 2))
  await rename(`${file}.new`, file)
}

describe('broken files', () => {
  it('a document with bad JSON is a problem naming the file; the others open', async () => {
    const { dir, ids, files } = await project()
    await writeFile(files[1], '{\n  "format": "marginalia-document",\n  "version": 1,\n}')
    const bytes = await readFile(files[1])
    const store = await ProjectStore.open(dir, ME)
    expect(store.problems).toHaveLength(1)
    expect(store.problems[0].file).toBe(files[1])
    expect(store.problems[0].message).toMatch(/^invalid JSON: .*/)
    const summaries = store.summaries()
    expect(summaries[1].error).toMatch(/invalid JSON/)
    expect(summaries[0].error).toBeUndefined()
    expect((await store.loadDocument(ids[0])).document.text).toBe('First Putin text.')
    expect((await store.loadDocument(ids[2])).document.text).toBe('Third Putin text.')
    await expect(store.loadDocument(ids[1])).rejects.toThrow(`${files[1]}: invalid JSON`)

    // Saving over it is refused, and the bytes stay as they were.
    const refused = await store.saveAnnotations(ids[1], annotationsFor()).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(ProjectError)
    expect((refused as Error).message).toMatch(/not saved: the file on disk is invalid/)
    await store.close()
    expect(await readFile(files[1])).toEqual(bytes)
  })

  it('an annotation file with a bad field names the file and the field path', async () => {
    const { dir, ids, sets } = await project()
    await edit(sets[0], (json) => {
      const annotations = json.annotations as { spans: unknown[] }
      annotations.spans = [{ ...annotationsFor().spans[0], start: 'three' }]
    })
    const bytes = await readFile(sets[0])
    const store = await ProjectStore.open(dir, ME)
    expect(store.problems).toEqual([
      {
        file: sets[0],
        message: expect.stringMatching(/^annotations\.spans\[0\]\.start: .*expected number/),
      },
    ])
    await expect(store.loadDocument(ids[0])).rejects.toThrow(
      new RegExp(`^${escape(sets[0])}: annotations\\.spans\\[0\\]\\.start: `),
    )
    await expect(store.saveAnnotations(ids[0], annotationsFor())).rejects.toThrow(/not saved/)
    expect(store.summaries().filter((s) => !s.error)).toHaveLength(2)
    await store.close()
    expect(await readFile(sets[0])).toEqual(bytes)
  })

  it('an annotation file edited in place (its folder unchanged) is noticed when it is read', async () => {
    const { dir, ids, sets } = await project()
    const json = JSON.parse(await readFile(sets[1], 'utf8'))
    json.annotations.docLabels = 'none'
    await writeFile(sets[1], JSON.stringify(json)) // in place: the folder's time does not move
    const store = await ProjectStore.open(dir, ME)
    await expect(store.loadDocument(ids[1])).rejects.toThrow(/annotations\.docLabels: /)
    expect(store.problems.map((p) => p.file)).toEqual([sets[1]])
    expect(store.summaries()[1].error).toMatch(/annotations\.docLabels/)
    await store.close()
  })

  it('an annotation file of a document the folder lacks is reported, never deleted', async () => {
    const { dir, ids, files, sets } = await project()
    await rm(files[2]) // not arrived yet from another copy, or an add killed half-way
    const store = await ProjectStore.open(dir, ME)
    expect(store.project.documents.map((d) => d.id)).toEqual(ids.slice(0, 2))
    expect(store.problems).toEqual([
      { file: sets[2], message: expect.stringMatching(/^annotations of a document the project/) },
    ])
    await store.close()
    expect((await readFile(sets[2], 'utf8')).length).toBeGreaterThan(0)
  })

  it('reports empty and NUL-filled document files, still listed under what was known', async () => {
    const { dir, ids, files } = await project()
    await writeFile(files[0], '')
    await writeFile(files[1], Buffer.alloc(64))
    const store = await ProjectStore.open(dir, ME)
    expect(store.problems).toEqual(
      expect.arrayContaining([
        { file: files[0], message: 'the file is empty' },
        { file: files[1], message: 'the file contains NUL bytes (damaged, perhaps by a crash)' },
      ]),
    )
    expect(store.problems).toHaveLength(2)
    expect(store.summaries().map((s) => s.id)).toEqual(ids)
    await store.close()
  })

  it('a document file never read whole (no cache) is listed after the others, by its id', async () => {
    const { dir, ids, files } = await project()
    await rm(path.join(dir, '.marginalia'), { recursive: true })
    await writeFile(files[0], '')
    const store = await ProjectStore.open(dir, ME)
    expect(store.project.documents.map((d) => d.id)).toEqual(ids.slice(1))
    expect(store.summaries().map((s) => [s.id, s.error])).toEqual([
      [ids[1], undefined],
      [ids[2], undefined],
      [ids[0], 'the file is empty'],
    ])
    await store.close()
  })

  it('reports a document file whose id is not the one the index lists', async () => {
    const { dir, files } = await project()
    await edit(files[0], (json) => ((json.document as { id: string }).id = 'other'))
    const store = await ProjectStore.open(dir, ME)
    expect(store.problems[0].message).toMatch(/^document\.id: is "other"/)
    await store.close()
  })

  it('a document fixed on disk loads again without reopening the project', async () => {
    const { dir, ids, files } = await project()
    const good = await readFile(files[0])
    await writeFile(files[0], '{ broken')
    const store = await ProjectStore.open(dir, ME)
    expect(store.problems).toHaveLength(1)
    await writeFile(files[0], good)
    await store.saveAnnotations(ids[0], {
      spans: [],
      relations: [],
      docLabels: { overall_sentiment: ['neutral'] },
    })
    expect(store.problems).toEqual([])
    await store.close()
  })

  it('a project.json that fails validation stops the open with its file and field', async () => {
    const { dir } = await project()
    const file = path.join(dir, 'project.json')
    await edit(
      file,
      (json) => ((json.schema as { layers: { color: string }[] }).layers[1].color = 'orange'),
    )
    const error = await ProjectStore.open(dir).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ProjectError)
    expect((error as ProjectError).file).toBe(file)
    expect((error as Error).message).toMatch(
      /project\.json: schema\.layers\[1\]\.color: must be a colour/,
    )
    // The lock taken for the attempt was released: a fixed project opens at once.
    await edit(
      file,
      (json) => ((json.schema as { layers: { color: string }[] }).layers[1].color = '#ffaa00'),
    )
    await (await ProjectStore.open(dir)).close()
  })

  it('a project.json with bad JSON or a wrong format is a clear error', async () => {
    const { dir } = await project()
    const file = path.join(dir, 'project.json')
    await writeFile(file, '{"format": "marginalia-project",\n "version": 1,\n "id": }')
    const error = await ProjectStore.open(dir).catch((e: unknown) => e)
    expect((error as Error).message).toMatch(/project\.json: invalid JSON: Unexpected token/)
    expect((error as Error).message).not.toContain('\n') // shown as one line by the CLI and UI
    await writeFile(file, JSON.stringify({ format: 'something-else', version: 1 }))
    await expect(ProjectStore.open(dir)).rejects.toThrow(/project\.json: format: /)
  })
})

describe('symbolic links in a project folder', () => {
  const PASSWD = 'root:x:0:0:root:/root:/bin/bash\n'

  it('an annotation file that is a link is refused, naming it, without reading the target', async () => {
    const { dir, ids, sets } = await project()
    const outside = path.join(await tempDir(), 'passwd')
    await writeFile(outside, PASSWD)
    await rm(sets[0])
    await symlink(outside, sets[0])
    const store = await ProjectStore.open(dir, ME)
    expect(store.problems).toEqual([
      { file: sets[0], message: expect.stringMatching(/^the file is a symbolic link/) },
    ])
    await expect(store.loadDocument(ids[0])).rejects.toThrow(/symbolic link/)
    await expect(store.saveAnnotations(ids[0], annotationsFor())).rejects.toThrow(/not saved/)
    await store.close()
    expect(JSON.stringify(store.problems)).not.toContain('root:x')
    expect((await lstat(sets[0])).isSymbolicLink()).toBe(true)
  })

  it('a document file that is a link is refused, naming it, without reading the target', async () => {
    const { dir, ids, files } = await project()
    const outside = path.join(await tempDir(), 'passwd')
    await writeFile(outside, PASSWD)
    await rm(files[0])
    await symlink(outside, files[0])
    // A link to a valid document is refused too: the project's files are its own.
    const copy = path.join(path.dirname(outside), 'copy.json')
    await rename(files[1], copy)
    await symlink(copy, files[1])

    const store = await ProjectStore.open(dir, ME)
    const refusal =
      'the file is a symbolic link, and Marginalia does not follow links in a project folder: ' +
      'replace the link with the file itself'
    expect(store.problems).toEqual(
      expect.arrayContaining([
        { file: files[0], message: refusal },
        { file: files[1], message: refusal },
      ]),
    )
    expect(store.problems).toHaveLength(2)
    await expect(store.loadDocument(ids[0])).rejects.toThrow(`${files[0]}: ${refusal}`)
    await expect(store.saveAnnotations(ids[1], annotationsFor())).rejects.toThrow(/not saved/)
    expect((await store.loadDocument(ids[2])).document.text).toBe('Third Putin text.')
    await store.close()
    expect(JSON.stringify(store.problems)).not.toContain('root:x')
    expect((await lstat(files[0])).isSymbolicLink()).toBe(true)
    expect(await readFile(outside, 'utf8')).toBe(PASSWD)
  })

  it('a project.json that is a link stops the open, naming it', async () => {
    const { dir } = await project()
    const file = path.join(dir, 'project.json')
    const elsewhere = path.join(await tempDir(), 'project.json')
    await rename(file, elsewhere)
    await symlink(elsewhere, file)
    const error = await ProjectStore.open(dir).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ProjectError)
    expect((error as ProjectError).file).toBe(file)
    expect((error as Error).message).toMatch(/project\.json: the file is a symbolic link/)

    await writeFile(elsewhere, PASSWD)
    const leak = await ProjectStore.open(dir, { lock: false }).catch((e: unknown) => e)
    expect((leak as Error).message).toMatch(/symbolic link/)
    expect((leak as Error).message).not.toContain('root:x')
  })
})

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
