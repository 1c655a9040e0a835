// What Python calls whitespace and line breaks. The exports read by Python tools must agree with
// Python on both: a CoNLL line is split with `str.split()` (whitespace: `str.isspace()`), and
// brat's reader splits `.ann` files with `str.splitlines()`. Both sets were taken from CPython
// 3.11 by testing every code point. Built from strings, so the source holds no control characters.

/** The characters `str.isspace()` accepts, as the inside of a regex character class. */
export const PY_SPACE_CLASS =
  '\\t-\\r\\u001c-\\u0020\\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000'
/** The characters `str.splitlines()` ends a line at (CRLF is one break), as a class's inside. */
export const PY_LINE_BREAK_CLASS = '\\n\\v\\f\\r\\u001c-\\u001e\\u0085\\u2028\\u2029'

/** One whitespace character. */
export const PY_SPACE = new RegExp(`[${PY_SPACE_CLASS}]`)
/** Runs of whitespace (global). */
export const PY_SPACE_RUNS = new RegExp(`[${PY_SPACE_CLASS}]+`, 'g')
/** One line-break character. */
export const PY_LINE_BREAK = new RegExp(`[${PY_LINE_BREAK_CLASS}]`)
/** Runs of line-break characters (global). */
export const PY_LINE_BREAK_RUNS = new RegExp(`[${PY_LINE_BREAK_CLASS}]+`, 'g')
/** Line breaks other than \n (global), which readers that split only at \n do not see. */
export const PY_OTHER_LINE_BREAKS = new RegExp(`[${PY_LINE_BREAK_CLASS.slice(2)}]`, 'g')
