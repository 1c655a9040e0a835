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

/** Whether a spreadsheet could run `cell` as a formula. */
export function isFormulaLike(cell: string): boolean {
  if (cell.startsWith('\t') || cell.startsWith('\r')) return true
  return FORMULA_SIGN.test(cell.replace(LEADING_INVISIBLE, ''))
}

/** Whether `neutraliseFormula` changes `cell`. */
export function needsQuotePrefix(cell: string): boolean {
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
