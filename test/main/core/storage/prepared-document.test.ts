// A document prepared in the import worker (checked, hashed, serialised there) is written exactly
// as one added on main: the same bytes, whatever its text holds, and the same refusals.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  ProjectError,
  ProjectStore,
  prepareDocument,
  type StoreEnv,
} from '../../../../src/main/core/storage'
import { newDocument } from './helpers'
import { tempDir } from './temp-dir'

const HOSTILE =
  'Kim said "\u0000id" and \\u0000at 👩‍👩‍👧 🇫🇷 é\u0301 שלום \f \u0085 \u2028 "addedBy": "x"\n\n' +
  '"id": "d-1" and "addedAt": "2024" closing.'

const env = (): StoreEnv => ({
  now: () => new Date('2024-06-19T12:00:00.000Z'),
  newId: (prefix) => `${prefix}-fixed`,
})

async function added(prepared: boolean, text: string): Promise<string> {
  const dir = path.join(await tempDir(), 'p')
  const store = await ProjectStore.create(dir, { name: 'P', analyst: 'Ana', env: env() })
  const d = newDocument(text, 'A "title" with \u0000id')
  const result = await store.addDocument(d, prepared ? { prepared: prepareDocument(d) } : {})
  if (result.status !== 'added') throw new Error('not added')
  await store.close()
  return readFile(path.join(dir, 'documents', `${result.entry.id}.json`), 'utf8')
}

describe('a document prepared off main', () => {
  it('is written byte for byte as one added on main, hostile text included', async () => {
    for (const text of [HOSTILE, 'Plain text.']) {
      const onMain = await added(false, text)
      expect(await added(true, text)).toBe(onMain)
      // …and as the plain serialisation of the stored document.
      const parsed = JSON.parse(onMain) as { document: { text: string; id: string } }
      expect(parsed.document.text).toBe(text)
      expect(onMain).toBe(`${JSON.stringify(parsed, null, 2)}\n`)
    }
  })

  it('refuses what adding refuses, naming the problem', () => {
    const bad = {
      ...newDocument('Text.'),
      blocks: [{ type: 'paragraph' as const, start: 0, end: 99 }],
    }
    expect(() => prepareDocument(bad)).toThrow(ProjectError)
  })
})
