// Reliability data grouped by unit, and its values coded as small integers (indices into the list
// of categories), so every coefficient counts into arrays instead of string-keyed maps. A report
// builds hundreds of these tables; coding once and counting in arrays keeps that cheap.
import type { ReliabilityTriple } from './types'

/** One unit's values: coders[i] gave values[i] (category key keys[i]). */
export interface UnitRow {
  unit: string
  coders: string[]
  values: (string | number)[]
  keys: string[]
}

/** The category key of a value (numbers and strings compare as their text). */
export function categoryOf(value: string | number): string {
  return typeof value === 'number' ? String(value) : value
}

/** Reliability data grouped by unit: build it once and pass it to several coefficients. */
export class UnitTable {
  readonly rows: UnitRow[] = []

  /** Groups triples by unit, refusing a coder who gives one unit two values. */
  static of(data: readonly ReliabilityTriple[]): UnitTable {
    const table = new UnitTable()
    const byUnit = new Map<string, UnitRow>()
    for (const { coder, unit, value } of data) {
      let row = byUnit.get(unit)
      if (!row) {
        row = { unit, coders: [], values: [], keys: [] }
        byUnit.set(unit, row)
        table.rows.push(row)
      }
      if (row.coders.includes(coder)) {
        throw new Error(`coder "${coder}" has two values for unit "${unit}"`)
      }
      row.coders.push(coder)
      row.values.push(value)
      row.keys.push(categoryOf(value))
    }
    return table
  }

  /** The tables of several documents as one (their unit ids must differ). */
  static concat(tables: readonly UnitTable[]): UnitTable {
    const table = new UnitTable()
    for (const t of tables) for (const row of t.rows) table.rows.push(row)
    return table
  }

  /** Appends one unit's values (distinct coders; a unit id not used before). */
  add(unit: string, coders: string[], values: (string | number)[]): void {
    if (coders.length > 0) this.rows.push({ unit, coders, values, keys: values.map(categoryOf) })
  }

  /** The data as (coder, unit, value) triples. */
  triples(): ReliabilityTriple[] {
    return this.rows.flatMap((r) =>
      r.coders.map((coder, i) => ({ coder, unit: r.unit, value: r.values[i] })),
    )
  }
}

/** Triples or a table, as a table. */
export function tableOf(data: readonly ReliabilityTriple[] | UnitTable): UnitTable {
  return data instanceof UnitTable ? data : UnitTable.of(data)
}

/** A table's values as indices into `categories`, row by row. */
export interface CodedTable {
  table: UnitTable
  categories: string[]
  codes: number[][]
}

function compareCategories(
  [a, an]: readonly [string, boolean],
  [b, bn]: readonly [string, boolean],
): number {
  if (an !== bn) return an ? -1 : 1
  if (an) return Number(a) - Number(b)
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Codes a table's values. With `order`, the categories are exactly those (a value outside them is
 * an error); otherwise they are the values seen, numbers in numeric order, then strings in
 * code-unit order.
 */
export function codeTable(table: UnitTable, order?: readonly string[]): CodedTable {
  const index = new Map<string, number>(order?.map((c, i) => [c, i]))
  const seen: [string, boolean][] = []
  const codes = table.rows.map((row) =>
    row.keys.map((key, i) => {
      let code = index.get(key)
      if (code === undefined) {
        if (order) throw new Error(`category "${key}" not listed`)
        code = seen.length
        index.set(key, code)
        seen.push([key, typeof row.values[i] === 'number'])
      }
      return code
    }),
  )
  if (order) return { table, categories: [...order], codes }
  const sorted = seen.map((c, i) => ({ c, i })).sort((p, q) => compareCategories(p.c, q.c))
  const remap = new Array<number>(seen.length)
  sorted.forEach(({ i }, k) => (remap[i] = k))
  for (const row of codes) for (let k = 0; k < row.length; k++) row[k] = remap[row[k]]
  return { table, categories: sorted.map(({ c }) => c[0]), codes }
}
