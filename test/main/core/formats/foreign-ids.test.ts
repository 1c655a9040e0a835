// Foreign files put anything where a format promises a string or number id; an object id must not
// become the document's source id "[object Object]" (found by no-base-to-string, issue 10 item 10).
import { describe, expect, it } from 'vitest'
import { runImport } from '../../../../src/main/core/formats/importers'
import { testSchema } from './fixtures'

const schema = testSchema()

describe('ids of foreign records', () => {
  it('doccano: an object id is no source id, and a number id is kept as text', () => {
    const lines = [
      JSON.stringify({ id: { oid: 1 }, text: 'One said so.', label: [] }),
      JSON.stringify({ id: 42, text: 'Two said so.', label: [] }),
    ].join('\n')
    const result = runImport('doccano', { files: [{ path: 'a.jsonl', data: lines }] }, schema)
    const [first, second] = result.documents.map((d) => d.document)
    expect(first.sourceId).toBeUndefined()
    expect(first.title).toBe('a 1')
    expect(second.sourceId).toBe('42')
    expect(second.title).toBe('42')
  })

  it('label-studio: a task with an object id has no source id and is named by its position', () => {
    const task = { id: { oid: 7 }, data: { text: 'Reuters said so.' }, annotations: [] }
    const result = runImport(
      'label-studio',
      { files: [{ path: 'tasks.json', data: JSON.stringify([task]) }] },
      schema,
    )
    expect(result.documents[0].document.sourceId).toBeUndefined()
    expect(JSON.stringify(result)).not.toContain('[object Object]')
  })
})
