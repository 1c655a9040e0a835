// The published JSON Schemas (schemas/): the committed files are what the zod model generates
// today, and files Marginalia writes validate against them with a validator someone else wrote
// (Python's jsonschema, Debian's python3-jsonschema), while broken ones are refused.
import { spawnSync } from 'node:child_process'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SCHEMAS_DIR, renderSchemaFiles } from '../../scripts/gen-schemas'
import { jsonSchemaFiles } from '../../src/shared/json-schemas'
import { zJsonlLine } from '../../src/shared/jsonl-line'
import { exportAll } from '../docs/export-all'
import { buildHostileProject } from '../docs/recipe-projects'
import { pythonBinary } from '../docs/doc-snippets'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const SAMPLE = path.join(ROOT, 'resources', 'sample-project')

/** Validates each JSON instance (a file path) against `schemaFile`; returns the error messages. */
function validate(schemaFile: string, instances: string[], lines = false): string[] {
  const script = `
import json, sys
from jsonschema import Draft202012Validator
schema = json.load(open(sys.argv[1], encoding='utf-8'))
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema)
errors, lines = [], sys.argv[2] == 'lines'
for name in sys.argv[3:]:
    text = open(name, encoding='utf-8-sig').read()
    docs = [json.loads(l) for l in text.split('\\n') if l.strip()] if lines else [json.loads(text)]
    for n, doc in enumerate(docs, 1):
        for e in validator.iter_errors(doc):
            errors.append(f"{name}:{n}: {'/'.join(map(str, e.absolute_path))}: {e.message}")
print(json.dumps(errors))
`
  const r = spawnSync(
    pythonBinary(),
    ['-c', script, schemaFile, lines ? 'lines' : 'file', ...instances],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  )
  if (r.status !== 0) throw new Error(r.stderr)
  return JSON.parse(r.stdout) as string[]
}

async function projectFiles(dir: string): Promise<{ project: string; documents: string[] }> {
  const docs = await readdir(path.join(dir, 'documents'))
  return {
    project: path.join(dir, 'project.json'),
    documents: docs.map((d) => path.join(dir, 'documents', d)),
  }
}

let work: string

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'marginalia-schemas-'))
  await buildHostileProject(path.join(work, 'hostile-project'))
  const jsonl = [
    { format: 'jsonl' },
    { format: 'jsonl', options: { offsetUnit: 'codepoint' }, name: 'study-codepoint.jsonl' },
  ]
  await exportAll(SAMPLE, path.join(work, 'sample'), jsonl)
  await exportAll(path.join(work, 'hostile-project'), path.join(work, 'hostile'), jsonl)
}, 60_000)

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

describe('schemas/', () => {
  it('holds exactly what `npm run schemas` generates from the zod model today', async () => {
    const fresh = await renderSchemaFiles()
    expect((await readdir(SCHEMAS_DIR)).filter((f) => f.endsWith('.json')).sort()).toEqual(
      Object.keys(fresh).sort(),
    )
    for (const [name, text] of Object.entries(fresh)) {
      const committed = await readFile(path.join(SCHEMAS_DIR, name), 'utf8')
      expect(committed, `schemas/${name} is stale: run npm run schemas`).toBe(text)
    }
  })

  it('are draft 2020-12 schemas with a versioned $id', () => {
    for (const schema of Object.values(jsonSchemaFiles())) {
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
      expect(schema.$id).toMatch(/^urn:marginalia:schema:[a-z-]+:\d+$/)
    }
  })

  it('validate the project files of the sample and of the hostile project', async () => {
    for (const dir of [SAMPLE, path.join(work, 'hostile-project')]) {
      const { project, documents } = await projectFiles(dir)
      expect(validate(path.join(SCHEMAS_DIR, 'project.schema.json'), [project])).toEqual([])
      expect(validate(path.join(SCHEMAS_DIR, 'document.schema.json'), documents)).toEqual([])
    }
  })

  it('validate every line of the native JSONL exports, in both offset units', async () => {
    const schemaFile = path.join(SCHEMAS_DIR, 'jsonl-line.schema.json')
    const committed = JSON.parse(await readFile(schemaFile, 'utf8')) as unknown
    for (const project of ['sample', 'hostile']) {
      for (const name of ['study.jsonl', 'study-codepoint.jsonl']) {
        const file = path.join(work, project, name)
        expect(validate(schemaFile, [file], true)).toEqual([])
        const text = await readFile(file, 'utf8')
        for (const line of text.trimEnd().split('\n')) {
          expect(zJsonlLine.safeParse(JSON.parse(line)).success).toBe(true)
        }
        const manifest = JSON.parse(await readFile(`${file}.manifest.json`, 'utf8')) as {
          lineSchema: unknown
        }
        expect(manifest.lineSchema).toEqual(committed)
      }
    }
  })

  it('refuse broken files, naming the field', async () => {
    const { project, documents } = await projectFiles(SAMPLE)
    const p = JSON.parse(await readFile(project, 'utf8')) as {
      schema: { layers: { color: string }[] }
    }
    p.schema.layers[0].color = 'blue'
    const d = JSON.parse(await readFile(documents[0], 'utf8')) as {
      annotations: { spans: { start: unknown }[] }
    }
    d.annotations.spans[0].start = '12'
    const line = JSON.parse(
      (await readFile(path.join(work, 'hostile', 'study.jsonl'), 'utf8')).split('\n')[0],
    ) as { offset_unit: string; spans: { id: string }[] }
    line.offset_unit = 'bytes'
    line.spans[0].id = 'not an id'
    await writeFile(path.join(work, 'p.json'), JSON.stringify(p))
    await writeFile(path.join(work, 'd.json'), JSON.stringify(d))
    await writeFile(path.join(work, 'l.jsonl'), JSON.stringify(line))
    expect(
      validate(path.join(SCHEMAS_DIR, 'project.schema.json'), [path.join(work, 'p.json')]),
    ).toEqual([expect.stringMatching(/schema\/layers\/0\/color: 'blue' does not match/)])
    expect(
      validate(path.join(SCHEMAS_DIR, 'document.schema.json'), [path.join(work, 'd.json')]),
    ).toEqual([
      expect.stringMatching(/annotations\/spans\/0\/start: '12' is not of type 'integer'/),
    ])
    const lineErrors = validate(
      path.join(SCHEMAS_DIR, 'jsonl-line.schema.json'),
      [path.join(work, 'l.jsonl')],
      true,
    )
    expect(lineErrors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/offset_unit: 'bytes' is not one of/),
        expect.stringMatching(/spans\/0\/id: 'not an id' does not match/),
      ]),
    )
  })
})
