// The command line's dataset commands run in process through `run(argv, io)`: `export` under every
// registry name, `--option key=value` for format options (zipped brat, one CoNLL layer) checked by
// the format's validator, and `import` of a doccano file with an unknown label.
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { unzipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportFormatNames } from '../../../src/main/core/formats'
import { ProjectStore } from '../../../src/main/core/storage'
import { EXPORT_FORMATS } from '../../../src/shared/ipc-contract'
import { EXIT } from '../../../src/main/cli/exit-codes'
import { cli, expectOneLineError } from './run-cli'

let root: string
let dir: string

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'marginalia-datasets-cli-'))
  dir = path.join(root, 'proj')
  const init = await cli('init', dir, '--sample')
  if (init.code !== 0) throw new Error(init.err)
})
afterEach(() => rm(root, { recursive: true, force: true }))

async function sampleCounts(): Promise<{ spans: number; claims: number }> {
  const store = await ProjectStore.open(dir, { lock: false })
  try {
    let spans = 0
    let claims = 0
    for (const entry of store.project.documents) {
      const doc = await store.loadDocument(entry.id)
      spans += doc.annotations.spans.length
      claims += doc.annotations.spans.filter((s) => s.layer === 'claim').length
    }
    return { spans, claims }
  } finally {
    await store.close()
  }
}

describe('export', () => {
  it('accepts exactly the ten format names and writes each one with its manifest', async () => {
    expect(exportFormatNames()).toEqual([...EXPORT_FORMATS])
    const help = (await cli('export', '--help')).out.replace(/\s+/g, ' ')
    expect(help).toContain(`choices: ${EXPORT_FORMATS.map((f) => `"${f}"`).join(', ')}`)
    for (const format of EXPORT_FORMATS) {
      const out = path.join(root, 'all', format)
      const result = await cli('export', dir, '--format', format, '--out', out)
      expect(result.code, `${format}: ${result.err}`).toBe(0)
      expect(result.out).toMatch(/^Exported 1 documents, \d+ spans/)
      const folder = existsSync(path.join(out, 'manifest.json'))
      const manifest = JSON.parse(
        await readFile(folder ? path.join(out, 'manifest.json') : `${out}.manifest.json`, 'utf8'),
      )
      expect(manifest.format).toBe(format)
    }
  })

  it('--option zip=true writes brat as one zip file', async () => {
    const out = path.join(root, 'brat.zip')
    const { spans } = await sampleCounts()
    const result = await cli(
      'export',
      dir,
      '--format',
      'brat',
      '--out',
      out,
      '--option',
      'zip=true',
    )
    expect(result.code, result.err).toBe(0)
    expect(result.out).toContain(`${spans} spans`)
    const entries = unzipSync(new Uint8Array(await readFile(out)))
    const names = Object.keys(entries)
    expect(names).toContain('annotation.conf')
    expect(names.filter((n) => n.endsWith('.ann'))).toHaveLength(1)
    expect(names.filter((n) => n.endsWith('.txt'))).toHaveLength(1)
    expect(JSON.parse(await readFile(`${out}.manifest.json`, 'utf8')).format).toBe('brat')
  })

  it('--option layer=claim writes one CoNLL layer and reports the others as not written', async () => {
    const out = path.join(root, 'conll')
    const { spans, claims } = await sampleCounts()
    const result = await cli(
      'export',
      dir,
      '--format',
      'conll',
      '--out',
      out,
      '--option',
      'layer=claim',
    )
    expect(result.code, result.err).toBe(0)
    expect((await readdir(out)).sort()).toEqual(['claim.conll', 'manifest.json'])
    expect(result.out).toContain(`not in this format: ${spans - claims} spans of other layers`)
    const tags = (await readFile(path.join(out, 'claim.conll'), 'utf8'))
      .split('\n')
      .filter((l) => l && !l.startsWith('#') && !l.startsWith('-DOCSTART-'))
      .map((l) => l.split(' ').at(-1))
    expect(tags.filter((t) => t === 'B-Claim').length).toBeGreaterThan(0)
    expect(new Set(tags.filter((t) => t !== 'O').map((t) => t!.slice(2)))).toEqual(
      new Set(['Claim']),
    )
  })

  it('refuses unknown options and bad values in one line, writing nothing', async () => {
    const out = path.join(root, 'x')
    expectOneLineError(
      await cli('export', dir, '--format', 'doccano', '--out', out, '--option', 'zip=true'),
      /doccano export: unknown option zip \(it takes no options\)/,
      EXIT.usage,
    )
    expectOneLineError(
      await cli('export', dir, '--format', 'jsonl', '--out', out, '--option', 'zip=true'),
      /jsonl export: unknown option zip \(known: offsetUnit\)/,
      EXIT.usage,
    )
    expectOneLineError(
      await cli('export', dir, '--format', 'jsonl', '--out', out, '--option', 'offsetUnit=bytes'),
      /jsonl export: option offsetUnit: /,
      EXIT.usage,
    )
    expectOneLineError(
      await cli('export', dir, '--format', 'brat', '--out', out, '--option', 'zip=maybe'),
      /brat export: option zip: .*boolean/,
      EXIT.usage,
    )
    expectOneLineError(
      await cli('export', dir, '--format', 'conll', '--out', out, '--option', 'layer=nope'),
      /option layer: "nope" is not a layer of the schema/,
      EXIT.usage,
    )
    expectOneLineError(
      await cli('export', dir, '--format', 'csv', '--out', out, '--option', 'escapeFormulas'),
      /--option escapeFormulas: expected key=value/,
      EXIT.usage,
    )
    expect(existsSync(out)).toBe(false)
  })
})

describe('import', () => {
  it('imports a doccano file, adding its unknown label to the schema with --add-labels', async () => {
    const source = path.join(root, 'data.jsonl')
    const text = 'Le ministre 😀 Ana Lopes a dit que les impôts baisseront.'
    const person = [...text].join('').indexOf('Ana Lopes')
    const cp = (utf16: number) => [...text.slice(0, utf16)].length
    await writeFile(
      source,
      `${JSON.stringify({ text, label: [[cp(person), cp(person + 9), 'PERSON']] })}\n`,
    )
    const stopped = await cli('import', dir, '--format', 'doccano', source)
    expect(stopped.code).toBe(1)
    expect(stopped.err).toContain('PERSON (1)')

    const result = await cli('import', dir, '--format', 'doccano', source, '--add-labels')
    expect(result.code, result.err).toBe(0)
    const id = /^added (d-\S+) ".*" \(1 spans, 0 relations\)$/m.exec(result.out)?.[1]
    expect(id).toBeDefined()
    expect(result.out).toContain('Imported 1 of 1 documents')
    const store = await ProjectStore.open(dir, { lock: false })
    try {
      expect(
        store.project.schema.layers.some((l) => l.labels.some((d) => d.name === 'PERSON')),
      ).toBe(true)
      const doc = await store.loadDocument(id!)
      expect(doc.document.text).toBe(text)
      const [span] = doc.annotations.spans
      expect(doc.document.text.slice(span.start, span.end)).toBe('Ana Lopes')
    } finally {
      await store.close()
    }

    const again = await cli('import', dir, '--format', 'doccano', source, '--skip-unknown')
    expect(again.out).toMatch(/^skipped "data\.jsonl.*": already in the project as d-/m)
  })
})
