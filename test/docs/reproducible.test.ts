// docs/EXPORTS.md "Exporting again" says which formats give byte-identical files when the same
// project is exported again. This exports every format twice, at two different clock times, and
// holds the table to it both ways: a "yes" must be identical, a "no" must differ (so the table is
// updated when a format becomes reproducible). Manifests are left out: `createdAt` always differs.
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { exportFormatNames } from '../../src/main/core/formats'
import { exportAll, type RecipeExport } from './export-all'
import { buildHostileProject } from './recipe-projects'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

interface Row {
  label: string
  export: RecipeExport
  same: boolean
}

/** The rows of the "Exporting again" table. */
async function table(): Promise<Row[]> {
  const doc = await readFile(path.join(ROOT, 'docs', 'EXPORTS.md'), 'utf8')
  const section = doc.split('\n## Exporting again\n')[1].split('\n## ')[0]
  return section
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| Format') && !l.startsWith('| ---'))
    .map((l) => {
      const [label, answer] = l
        .split('|')
        .slice(1, 3)
        .map((c) => c.trim())
      const format = label.split(' ')[0]
      const options = label.includes('zip=true') ? { zip: true } : undefined
      return {
        label,
        export: { format, options, name: `${format}${options ? '-zip' : ''}.out` },
        same: answer.startsWith('yes'),
      }
    })
}

/** Every data file of an export (a file, or a folder's files), manifests left out. */
async function dataFiles(target: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>()
  if (!(await stat(target)).isDirectory()) return files.set('', await readFile(target))
  for (const name of (await readdir(target)).sort()) {
    if (name !== 'manifest.json') files.set(name, await readFile(path.join(target, name)))
  }
  return files
}

let work: string
let rows: Row[]

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'marginalia-reexport-'))
  await buildHostileProject(path.join(work, 'project'))
  rows = await table()
  vi.useFakeTimers({ toFake: ['Date'] })
  try {
    vi.setSystemTime(new Date('2024-01-01T00:00:00.000Z'))
    await exportAll(
      path.join(work, 'project'),
      path.join(work, 'first'),
      rows.map((r) => r.export),
    )
    vi.setSystemTime(new Date('2025-06-30T12:34:56.000Z'))
    await exportAll(
      path.join(work, 'project'),
      path.join(work, 'second'),
      rows.map((r) => r.export),
    )
  } finally {
    vi.useRealTimers()
  }
}, 60_000)

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

describe('exporting again (docs/EXPORTS.md)', () => {
  it('has a row for every export format', () => {
    expect([...new Set(rows.map((r) => r.export.format))].sort()).toEqual(
      exportFormatNames().sort(),
    )
  })

  it('gives the same bytes exactly for the formats the table says "yes"', async () => {
    for (const row of rows) {
      const name = row.export.name!
      const first = await dataFiles(path.join(work, 'first', name))
      const second = await dataFiles(path.join(work, 'second', name))
      expect([...second.keys()]).toEqual([...first.keys()])
      const same = [...first].every(([file, bytes]) => bytes.equals(second.get(file)!))
      expect(same, `${row.label}: the table says ${row.same ? 'yes' : 'no'}`).toBe(row.same)
    }
  })
})
