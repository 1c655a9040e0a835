// Every export format, of the hostile project (test/main/fixtures/hostile-project.ts), of the sample
// project and of a document that keeps a lone CR, read by the readers its consumers use: NLTK's
// ConllCorpusReader, openpyxl (warnings are errors), Python's csv and json, xml.etree and
// xmllint. read_exports.py checks that every span slices (Python code points) to its text and
// that each manifest counts what was written. Debian's python3-nltk, python3-openpyxl and
// libxml2-utils provide the readers (.ci/run installs them).
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportOutputExtension, exportProject } from '../../../../src/main/core/export'
import { exportFormatNames, getExportFormat } from '../../../../src/main/core/formats'
import { CheckedDocument, exportDocuments } from '../../../../src/main/core/formats/checked'
import { ProjectStore } from '../../../../src/main/core/storage'
import { OffsetConverter } from '../../../../src/shared/offsets'
import type { DocumentFile } from '../../../../src/shared/model'
import { createHostileProject, hostileRawCr, hostileSchema } from '../../fixtures/hostile-project'
import { makeProject } from './fixtures'

/** Debian's Python, where the Debian readers are installed (a pyenv shim may come first). */
export const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3'
const SCRIPT = path.join(import.meta.dirname, 'read_exports.py')
const SAMPLE = path.join(import.meta.dirname, '../../../../resources/sample-project')

let root: string

/** Where the test writes a format's export inside a project's folder. */
function outputOf(dir: string, format: string): string {
  const extension = exportOutputExtension(format)
  return extension ? path.join(dir, format, `export${extension}`) : path.join(dir, format, 'out')
}

/** reference.json: each document's text and checked spans, offsets in code points. */
async function writeReference(dir: string, files: DocumentFile[]): Promise<void> {
  const documents = files.map((file) => {
    const checked = CheckedDocument.check(file, [])
    const offsets = new OffsetConverter(file.document.text)
    return {
      id: file.document.id,
      text: file.document.text,
      spans: checked.spans.map((s) => ({
        id: s.id,
        layer: s.layer,
        label: s.label,
        text: s.quote.exact,
        start: offsets.toCodePoint(s.start),
        end: offsets.toCodePoint(s.end),
      })),
    }
  })
  await mkdir(dir, { recursive: true })
  await writeFile(path.join(dir, 'reference.json'), JSON.stringify({ documents }))
}

/** Exports a stored project in every format, as the app does, and writes its reference. */
async function exportStore(store: ProjectStore, dir: string): Promise<void> {
  const files = await Promise.all(store.project.documents.map((d) => store.loadDocument(d.id)))
  await writeReference(dir, files)
  for (const format of exportFormatNames()) {
    await exportProject(store, format, outputOf(dir, format))
  }
}

/** Exports documents in memory (as the runner would) and writes them in the same layout. */
async function exportInMemory(files: DocumentFile[], dir: string): Promise<void> {
  await writeReference(dir, files)
  const project = makeProject(files, hostileSchema())
  for (const format of exportFormatNames()) {
    const output = exportDocuments(getExportFormat(format), project, files)
    const target = outputOf(dir, format)
    const folder = exportOutputExtension(format) === ''
    for (const file of output.files) {
      const full = folder ? path.join(target, file.path) : target
      await mkdir(path.dirname(full), { recursive: true })
      await writeFile(full, file.data)
    }
    const manifest = JSON.stringify(output.manifest)
    await writeFile(
      folder ? path.join(target, 'manifest.json') : `${target}.manifest.json`,
      manifest,
    )
  }
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'marginalia-readers-'))
  const hostile = await createHostileProject(path.join(root, 'projects', 'hostile'))
  try {
    await exportStore(hostile, path.join(root, 'exports', 'hostile'))
  } finally {
    await hostile.close()
  }
  await cp(SAMPLE, path.join(root, 'projects', 'sample'), { recursive: true })
  const sample = await ProjectStore.open(path.join(root, 'projects', 'sample'), {
    lock: false,
    analyst: 'sample',
  })
  try {
    await exportStore(sample, path.join(root, 'exports', 'sample'))
  } finally {
    await sample.close()
  }
  await exportInMemory([hostileRawCr()], path.join(root, 'exports', 'raw-cr'))
}, 60_000)

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

describe("exports read by their consumers' own readers", () => {
  it('every span of every format slices to its text, in Python', async () => {
    const { stdout } = await promisify(execFile)(PYTHON, [SCRIPT, path.join(root, 'exports')], {
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: unknown) => {
      const { stderr, message } = error as { stderr?: string; message: string }
      throw new Error(`read_exports.py failed: ${stderr || message}`)
    })
    const result = JSON.parse(stdout) as {
      counts: { exports: number }
      written: Record<string, number>
    }
    expect(result.counts.exports).toBe(3 * exportFormatNames().length)
    // The hostile project has 20 sound spans; each format that holds them all wrote all 20.
    for (const format of ['jsonl', 'csv', 'xlsx', 'doccano', 'label-studio', 'w3c', 'qdpx']) {
      expect(result.written[`hostile/${format}`], format).toBe(20)
    }
    expect(result.written['hostile/brat']).toBe(20)
    expect(result.written['sample/jsonl']).toBeGreaterThan(0)
  }, 120_000)
})
