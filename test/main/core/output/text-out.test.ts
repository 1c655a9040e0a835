// A buffered text file writes exactly the UTF-8 of everything written, however the writes cut it:
// pieces are encoded one after the other into a reused buffer, and a surrogate pair cut between
// two writes must still come out as its four bytes, a lone surrogate as U+FFFD, as the joined
// text would.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BufferedText, type ByteTarget } from '../../../../src/main/core/output/text-out'

/** The bytes a BufferedText passes on, copied as they come (the buffer is reused). */
function written(pieces: string[], usesAtOnce: boolean): Buffer {
  const chunks: Buffer[] = []
  const target: ByteTarget = { write: (b) => chunks.push(Buffer.from(b)), close() {}, usesAtOnce }
  const file = new BufferedText(target)
  for (const piece of pieces) file.write(piece)
  file.close()
  return Buffer.concat(chunks)
}

const UNITS = ['a', 'é', '中', '\n', '😀', '\ud83d', '\ude00', '\u2028', '"', '']

describe('BufferedText', () => {
  it('writes the UTF-8 of the joined text, whatever the pieces', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...UNITS)).map((u) => u.join(''))),
        (pieces) => {
          const whole = Buffer.from(pieces.join(''), 'utf8')
          expect(written(pieces, true)).toEqual(whole)
          expect(written(pieces, false)).toEqual(whole)
        },
      ),
      { numRuns: 1000 },
    )
  })

  it('keeps a surrogate pair cut between two writes whole, at a flush too', () => {
    // A first write that fills the buffer (256 Ki units) ending on the pair's first half.
    for (const fill of [(1 << 18) - 2, (1 << 18) - 1, 1 << 18, 1 << 19]) {
      const pieces = ['a'.repeat(fill), 'x\ud83d', '\ude00 naïve 中文', 'x\ud83d', '\ude00']
      for (const usesAtOnce of [true, false]) {
        const bytes = written(pieces, usesAtOnce)
        expect(bytes).toEqual(Buffer.from(pieces.join(''), 'utf8'))
        expect(bytes.includes(Buffer.from('\ufffd', 'utf8'))).toBe(false)
      }
    }
  })
})
