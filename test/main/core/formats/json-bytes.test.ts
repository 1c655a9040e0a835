// JsonBytes writes the very bytes toJsonLine's text encodes to: its fast paths (ASCII copied, an
// unescaped string in another script passed to Buffer, integers as digits) must agree with
// JSON.stringify and the line-separator escapes on every character that needs an escape, on a
// slice that cuts a surrogate pair, and across its flushes, into every kind of text file.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { JsonBytes } from '../../../../src/main/core/formats/json-bytes'
import { toJsonLine } from '../../../../src/main/core/formats/jsonl'
import { BufferedText, StringText } from '../../../../src/main/core/output/text-out'

/** What `write` puts in a BufferedText, as the bytes it passed on (copied: they are reused). */
function bytesOf(write: (json: JsonBytes) => void, usesAtOnce = true): Buffer {
  const chunks: Buffer[] = []
  const file = new BufferedText({
    write: (b) => chunks.push(Buffer.from(b)),
    close() {},
    usesAtOnce,
  })
  const json = new JsonBytes(file)
  write(json)
  json.flush()
  file.close()
  return Buffer.concat(chunks)
}

const utf8 = (text: string) => Buffer.from(text, 'utf8')

const UNITS = [
  ...['a', 'Z', ' ', '~', '"', '\\', '/', '\u0000', '\n', '\u001f', '\u007f', '\u0085', 'é'],
  ...['\u00a0', '中', '\u2028', '\u2029', '\ufeff', '😀', '\ud83d', '\ude00', '\u200d', 'ש'],
  ...['\u0080', '\u07ff', '\u0800', '\uffff', '\ue000', '\u{10ffff}', '\u0084', '\u0086'],
]

describe('JsonBytes', () => {
  it('writes a slice of a text as toJsonLine writes the sliced string', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...UNITS), { maxLength: 12 }).map((u) => u.join('')),
        fc.nat(),
        fc.nat(),
        (text, a, b) => {
          const start = a % (text.length + 1)
          const end = start + (b % (text.length - start + 1))
          const expected = utf8(toJsonLine(text.slice(start, end)))
          expect(bytesOf((json) => json.string(text, start, end))).toEqual(expected)
        },
      ),
      { numRuns: 3000 },
    )
  })

  it('escapes what needs it in names and labels too', () => {
    const labels = [
      'Claim\u2028x',
      'ends in a backslash\\',
      'say "no"',
      '\ud83d',
      'x\ude00',
      '\u0085',
    ]
    for (const label of [...labels, 'café\u2029', '😀\ud83d', 'tab\there', '']) {
      expect(bytesOf((json) => json.string(label))).toEqual(utf8(toJsonLine(label)))
    }
    expect(bytesOf((json) => json.string('a\u2028b')).toString()).toBe('"a\\u2028b"')
    expect(bytesOf((json) => json.string('a\\')).toString()).toBe('"a\\\\"')
  })

  it('writes integers as JSON.stringify does, any other number through it', () => {
    const numbers = [0, 7, 9, 10, 99, 100, 65535, 1e6, 2 ** 31 - 1, 2 ** 31, -1, 1.5, 1e21, NaN]
    for (const n of numbers) expect(bytesOf((json) => json.int(n)).toString()).toBe(toJsonLine(n))
  })

  it('writes the same bytes across its flushes, into a file, a zip entry or memory', () => {
    const pieces = ['😀 naïve', 'x'.repeat(100_000), '中'.repeat(190_000), '\u2028', 'a"b']
    const write = (json: JsonBytes) => {
      json.raw('[')
      for (let i = 0; i < 12; i++) {
        const piece = pieces[i % pieces.length]
        json.string(piece, i % 3)
        json.raw(',')
        json.int(i * 1000)
        json.raw(',')
        json.value({ i, piece: piece.slice(0, 3) })
        json.raw(',')
      }
      json.raw('0]')
    }
    const expected = utf8(
      `[${Array.from({ length: 12 }, (_, i) => {
        const piece = pieces[i % pieces.length]
        return `${toJsonLine(piece.slice(i % 3))},${i * 1000},${toJsonLine({ i, piece: piece.slice(0, 3) })},`
      }).join('')}0]`,
    )
    // Compared whole: toEqual walks a buffer byte by byte, for minutes at this size.
    expect(bytesOf(write, true).equals(expected)).toBe(true)
    expect(bytesOf(write, false).equals(expected)).toBe(true)
    const memory = new StringText()
    const json = new JsonBytes(memory)
    write(json)
    json.flush()
    expect(memory.text() === expected.toString()).toBe(true)
  })

  it('keeps a U+FEFF that starts a piece of text in memory', () => {
    const memory = new StringText()
    memory.writeUtf8(utf8('\ufeffx'))
    expect(memory.text()).toBe('\ufeffx')
  })
})
