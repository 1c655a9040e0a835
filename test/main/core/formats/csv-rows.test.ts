// The CSV export writes its rows with its own `csvRow` (csv.ts) for speed; these tests hold it to
// csv-stringify's bytes with the options the export used to pass it, on hostile and random cells,
// and the formula rule's shortcut for plain first characters to the regular expressions alone.
import { stringify } from 'csv-stringify/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { csvRow } from '../../../../src/main/core/formats/csv'
import { PY_SPACE_CLASS } from '../../../../src/shared/python-chars'
import { isFormulaLike, needsQuotePrefix } from '../../../../src/shared/formula'

const reference = (rows: (string | number)[][]) =>
  stringify(rows, { record_delimiter: 'windows', quote_record_delimiter: true })

const HOSTILE = [
  '',
  'plain',
  'a,b',
  'say "hi"',
  '"',
  '""',
  'line\nbreak',
  'lone\rCR',
  'CRLF\r\nend',
  'trailing\r',
  '\u0085 NEL',
  '\u2028 LS',
  '\f form feed',
  '👨‍👩‍👧 family, 🇺🇦',
  'e\u0301 combining',
  'שלום, עולם',
  ' leading space',
  'trailing space ',
  "'quoted",
  '=SUM(A1)',
  '-5',
  '\t',
  '[{"id":"r1","type":"attributed_to","to":"s2","attributes":{}}]',
]

describe('csvRow', () => {
  it('writes hostile cells byte for byte as csv-stringify does', () => {
    const rows = HOSTILE.map((cell, i) => [cell, i, -i / 3, cell, ''])
    expect(rows.map(csvRow).join('')).toBe(reference(rows))
    expect(csvRow(HOSTILE)).toBe(reference([HOSTILE]))
  })

  it('writes random rows byte for byte as csv-stringify does', () => {
    const cell = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: fc.constantFrom(',', '"', '\r', '\n', 'a', ' ', '\u2028', 'é') }),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    )
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 8 }), { minLength: 1 }),
        (rows) => {
          expect(rows.map(csvRow).join('')).toBe(reference(rows))
        },
      ),
      { numRuns: 300 },
    )
  })
})

/** The formula rule without the shortcut: formula.ts's regular expressions alone. */
function referenceFormulaLike(cell: string): boolean {
  if (cell.startsWith('\t') || cell.startsWith('\r')) return true
  const invisible = new RegExp(`^[\\s${PY_SPACE_CLASS}\\u180e\\p{Cf}]*`, 'u')
  return /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell.replace(invisible, ''))
}

describe('the formula rule for every first character', () => {
  it('answers as the regular expressions do, whatever the first UTF-16 unit', () => {
    const wrong: string[] = []
    for (let unit = 0; unit <= 0xffff; unit++) {
      const first = String.fromCharCode(unit)
      for (const rest of ['', '=1', 'x', ' -1']) {
        const cell = first + rest
        const expected = referenceFormulaLike(cell)
        if (isFormulaLike(cell) !== expected) wrong.push(cell)
        if (needsQuotePrefix(cell) !== (cell.startsWith("'") || expected)) wrong.push(cell)
      }
    }
    expect(wrong).toEqual([])
  })
})
