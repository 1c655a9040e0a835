// An annotation file written before quote context was cut on grapheme boundaries (or migrated from
// such a format-2 document) can hold half an emoji at the edge of a span's prefix or suffix. It is
// repaired on load, against the document's text, and the repair reaches the disk with the next save.
import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportFormats } from '../../../../src/main/core/formats'
import { exportDocuments } from '../../../../src/main/core/formats/checked'
import { ProjectStore } from '../../../../src/main/core/storage'
import {
  hasLoneSurrogate,
  repairQuoteContext,
} from '../../../../src/main/core/storage/repair-quotes'
import { quoteOf } from '../../../../src/shared/anchor'
import { seededRandom } from '../../../../src/shared/seeded-random'
import type { DocumentFile, Span } from '../../../../src/shared/model'
import { setFile, writeSetFile } from '../../fixtures/set-files'
import { newDocument } from './helpers'
import { tempDir } from './temp-dir'

const TEXT =
  '🚀Launch notes from the pad at d TARGET was here, said 🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀.'
const start = TEXT.indexOf('TARGET')
const end = start + 'TARGET was here'.length

/** A project whose one document has a span, in Tester's set, with context as an older version cut it. */
async function oldProject(): Promise<{ dir: string; file: string; id: string }> {
  const dir = path.join(await tempDir(), 'p')
  const store = await ProjectStore.create(dir, { name: 'P', analyst: 'Tester' })
  const added = await store.addDocument(newDocument(TEXT))
  if (added.status !== 'added') throw new Error('not added')
  const id = added.entry.id
  await store.close()
  const span: Span = {
    id: 's1',
    layer: 'claim',
    label: 'Claim',
    start,
    end,
    // Cut on UTF-16 units: the prefix starts, and the suffix ends, on half a rocket.
    quote: {
      exact: TEXT.slice(start, end),
      prefix: TEXT.slice(start - 32, start),
      suffix: TEXT.slice(end, end + 32),
    },
    attributes: {},
    annotator: '',
    createdAt: '2024-05-01T10:00:00.000Z',
    updatedAt: '2024-05-01T10:00:00.000Z',
  }
  await mkdir(path.dirname(setFile(dir, 'tester', id)), { recursive: true })
  const file = await writeSetFile(dir, 'tester', id, {
    spans: [span],
    relations: [],
    docLabels: {},
  })
  return { dir, file, id }
}

describe('quote context holding half a surrogate pair', () => {
  it('is cut again from the text when the document is loaded, and saved so', async () => {
    const { dir, file, id } = await oldProject()
    const onDisk = (await readFile(file, 'utf8')).match(/\\ud[89a-f][0-9a-f]{2}/g)
    expect(onDisk).toEqual(['\\ude80', '\\ud83d'])

    const store = await ProjectStore.open(dir, { analyst: 'Tester' })
    const doc = await store.loadDocument(id)
    const { quote } = doc.annotations.spans[0]
    expect(hasLoneSurrogate(quote.prefix) || hasLoneSurrogate(quote.suffix)).toBe(false)
    expect(quote).toEqual(quoteOf(TEXT, start, end))
    expect(quote.prefix).toBe('Launch notes from the pad at d ')

    // Exports read through the store: no format can carry the half character on.
    const output = exportDocuments(exportFormats.w3c, store.project, [doc])
    expect(JSON.stringify(output.files.map((f) => f.data))).not.toMatch(/\\ud[89a-f][0-9a-f]{2}/)

    await store.saveAnnotations(id, doc.annotations)
    await store.close()
    expect(await readFile(file, 'utf8')).not.toMatch(/\\ud[89a-f][0-9a-f]{2}/)
  })

  it('leaves sound context, and spans outside the text, alone', () => {
    const file = {
      document: { text: 'abc' },
      annotations: {
        spans: [
          { start: 0, end: 1, quote: { exact: 'a', prefix: '', suffix: 'bc' } },
          { start: 5, end: 9, quote: { exact: 'x', prefix: '\ud83d', suffix: '' } },
        ],
      },
    } as unknown as DocumentFile
    expect(repairQuoteContext(file)).toBe(0)
    expect(file.annotations.spans[1].quote.prefix).toBe('\ud83d')
  })
})

describe('hasLoneSurrogate', () => {
  // The rule it must keep: a high surrogate not followed by a low one, or a low one not preceded
  // by a high one (the regular expression it used to be).
  const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

  it('finds half of a pair anywhere in a string, as the regular expression did', () => {
    const cases = ['', 'plain', '🚀', 'a🚀b', '\ud83d', '\ude80', 'a\ud83d', '\ude80a']
    cases.push('\ude80\ud83d', '🚀\ude80', '\ud83d🚀', 'x\ud83dy\ude80z', 'é\u0301', '\uffff')
    for (const text of cases)
      expect(hasLoneSurrogate(text), JSON.stringify(text)).toBe(LONE.test(text))
    const random = seededRandom(7)
    const units = [0x61, 0xd83d, 0xdbff, 0xd800, 0xde80, 0xdc00, 0xdfff, 0xe000, 0xd7ff]
    for (let n = 0; n < 2000; n++) {
      const length = Math.floor(random() * 8)
      const text = Array.from({ length }, () =>
        String.fromCharCode(units[Math.floor(random() * units.length)]),
      ).join('')
      expect(hasLoneSurrogate(text), JSON.stringify(text)).toBe(LONE.test(text))
    }
  })
})
