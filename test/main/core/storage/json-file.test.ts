// parseJson's messages: a file damaged with NUL bytes (a crash mid-write) is named as such wherever
// the NUL lies, even where the rest would be valid JSON; other bad JSON says where it breaks.
import { describe, expect, it } from 'vitest'
import { parseJson } from '../../../../src/main/core/storage/json-file'

const NUL_MESSAGE = 'f.json: the file contains NUL bytes (damaged, perhaps by a crash)'
const bytes = (text: string) => new TextEncoder().encode(text)
const messageOf = (text: string) => {
  try {
    parseJson('f.json', bytes(text))
    return null
  } catch (error) {
    return (error as Error).message
  }
}

describe('parseJson', () => {
  it('names NUL bytes at every place in a valid file: in strings, between tokens, at the ends', () => {
    const valid = '{\n  "a": "x é 😀",\n  "b": [1, 2.5e3, true, null, {"c": ""}]\n}\n'
    expect(messageOf(valid)).toBeNull()
    for (let at = 0; at <= valid.length; at++) {
      const damaged = `${valid.slice(0, at)}\u0000${valid.slice(at)}`
      expect(messageOf(damaged), `NUL at ${at}`).toBe(NUL_MESSAGE)
    }
    expect(messageOf('\u0000'.repeat(4096))).toBe(NUL_MESSAGE)
    expect(messageOf(`\ufeff${valid.slice(0, 9)}\u0000${valid.slice(9)}`)).toBe(NUL_MESSAGE)
  })

  it('says where other bad JSON breaks, and parses good JSON behind a BOM', () => {
    expect(messageOf('{\n  "a": 1,\n}')).toMatch(/^f\.json: invalid JSON: .*line 3, column 1/)
    expect(parseJson('f.json', bytes('\ufeff{"a":1}'))).toEqual({ a: 1 })
  })
})
