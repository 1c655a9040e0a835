// The one rule for cells a spreadsheet could run as a formula, used by the span CSV and the claims
// table. A spreadsheet reads a cell as a formula when it starts with = + - @ (or their full-width
// forms ＝＋－＠, which some spreadsheets fold to ASCII), and several trim leading spaces, tabs,
// no-break spaces and invisible format characters (zero-width space, BOM, bidi marks) first; a
// leading tab or CR is itself a known injection vector. Such a cell is written with a leading `'`.
// A cell that already starts with `'` gets one too, so the escaping is reversible: removing the
// first `'` of every cell that starts with one gives the text back, exactly.

import { PY_SPACE_CLASS } from './python-chars'

/** Characters a spreadsheet may skip before the formula sign: whitespace and format characters. */
const LEADING_INVISIBLE = new RegExp(`^[\\s${PY_SPACE_CLASS}\\u180e\\p{Cf}]*`, 'u')
const FORMULA_SIGN = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/

/**
 * Whether a cell starting with the UTF-16 unit `first` is surely not formula-like and needs no
 * prefix: printable ASCII other than the signs and `'` is neither skipped by LEADING_INVISIBLE
 * nor a FORMULA_SIGN. Most cells start so, and skip the regular expressions (which took as long
 * as the rest of a 100,000-row CSV's serialisation).
 */
function plainStart(first: number): boolean {
  // 0x21–0x7e, except ' (0x27), + (0x2b), - (0x2d), = (0x3d) and @ (0x40).
  return (
    first > 0x20 &&
    first < 0x7f &&
    first !== 0x27 &&
    first !== 0x2b &&
    first !== 0x2d &&
    first !== 0x3d &&
    first !== 0x40
  )
}

/** Whether a spreadsheet could run `cell` as a formula. */
export function isFormulaLike(cell: string): boolean {
  if (plainStart(cell.charCodeAt(0))) return false
  if (cell.startsWith('\t') || cell.startsWith('\r')) return true
  return FORMULA_SIGN.test(cell.replace(LEADING_INVISIBLE, ''))
}

/** Whether `neutraliseFormula` changes `cell`. */
export function needsQuotePrefix(cell: string): boolean {
  if (plainStart(cell.charCodeAt(0))) return false
  return cell.startsWith("'") || isFormulaLike(cell)
}

/** `cell` as written for a spreadsheet: with a leading `'` when `needsQuotePrefix` says so. */
export function neutraliseFormula(cell: string): string {
  return needsQuotePrefix(cell) ? `'${cell}` : cell
}

/** The reason given in a manifest for the cells prefixed with `'`. */
export const QUOTE_PREFIX_REASON =
  'they started with =, +, -, @ (ASCII or full-width, after any leading spaces or invisible ' +
  "characters), a tab, a CR, or ', which spreadsheets run as formulas or strip; remove the " +
  "first ' of every cell that starts with one to get the exact text back"
