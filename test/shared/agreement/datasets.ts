// Reliability data sets for the NLTK cross-check: seeded random ones (2–5 analysts, complete and
// with missing values, nominal and interval) and the published worked examples.
import type { ReliabilityTriple } from '../../../src/shared/agreement'
import { analystNames, random } from './generate'

export interface Dataset {
  name: string
  coders: string[]
  data: ReliabilityTriple[]
  metric: 'nominal' | 'interval'
  /** Published values, where the data set is a textbook example. */
  published?: Partial<Record<'alpha' | 'fleiss' | 'cohen' | 'daviesFleiss', number>>
  source?: string
}

interface Shape {
  name: string
  coders: number
  units: number
  categories: number
  /** Probability a value is missing. */
  missing: number
  /** Probability a coder gives the unit's "true" category. */
  agree: number
  seed: number
  metric?: 'nominal' | 'interval'
}

function generated(shape: Shape): Dataset {
  const rnd = random(shape.seed)
  const coders = analystNames(shape.coders)
  const data: ReliabilityTriple[] = []
  const value = (k: number) => (shape.metric === 'interval' ? k + 1 : `c${k}`)
  for (let u = 0; u < shape.units; u++) {
    const truth = Math.floor(rnd() * shape.categories)
    for (const coder of coders) {
      if (rnd() < shape.missing) continue
      const k = rnd() < shape.agree ? truth : Math.floor(rnd() * shape.categories)
      data.push({ coder, unit: `u${u}`, value: value(k) })
    }
  }
  return { name: shape.name, coders, data, metric: shape.metric ?? 'nominal' }
}

export const GENERATED: Dataset[] = [
  {
    name: 'G1: 2 analysts, 3 categories, 50 units, complete',
    coders: 2,
    units: 50,
    categories: 3,
    missing: 0,
    agree: 0.7,
    seed: 1,
  },
  {
    name: 'G2: 3 analysts, 4 categories, 60 units, complete',
    coders: 3,
    units: 60,
    categories: 4,
    missing: 0,
    agree: 0.6,
    seed: 2,
  },
  {
    name: 'G3: 4 analysts, 3 categories, 80 units, complete',
    coders: 4,
    units: 80,
    categories: 3,
    missing: 0,
    agree: 0.75,
    seed: 3,
  },
  {
    name: 'G4: 2 analysts, 3 categories, 60 units, 20% missing',
    coders: 2,
    units: 60,
    categories: 3,
    missing: 0.2,
    agree: 0.7,
    seed: 4,
  },
  {
    name: 'G5: 3 analysts, 4 categories, 80 units, 25% missing',
    coders: 3,
    units: 80,
    categories: 4,
    missing: 0.25,
    agree: 0.65,
    seed: 5,
  },
  {
    name: 'G6: 5 analysts, 5 categories, 100 units, 30% missing',
    coders: 5,
    units: 100,
    categories: 5,
    missing: 0.3,
    agree: 0.6,
    seed: 6,
  },
  {
    name: 'G7: 3 analysts, values 1–5 (interval), 70 units, 20% missing',
    coders: 3,
    units: 70,
    categories: 5,
    missing: 0.2,
    agree: 0.6,
    seed: 7,
    metric: 'interval' as const,
  },
].map(generated)

function fromRows(name: string, rows: string[], missing: string): ReliabilityTriple[] {
  return rows.flatMap((row, c) =>
    row
      .trim()
      .split(/\s+/)
      .flatMap((v, u) =>
        v === missing ? [] : [{ coder: `${name}${c + 1}`, unit: `u${u + 1}`, value: Number(v) }],
      ),
  )
}

/** Krippendorff, Content Analysis (2019, ch. 12, p. 290; also his 2011 "Computing Krippendorff's Alpha-Reliability"). */
const krippendorff = fromRows(
  'obs',
  [
    '1 2 3 3 2 1 4 1 2 . . .',
    '1 2 3 3 2 2 4 1 2 5 . 3',
    '. 3 3 3 2 3 4 2 2 5 1 .',
    '1 2 3 3 2 4 4 1 2 5 1 .',
  ],
  '.',
)

/** Wikipedia, "Krippendorff's alpha", a computational example. */
const wikipediaAlpha = fromRows(
  'coder',
  [
    '* * * * * 3 4 1 2 1 1 3 3 * 3',
    '1 * 2 1 3 3 4 3 * * * * * * *',
    '* * 2 1 3 4 4 * 2 1 1 3 3 * 4',
  ],
  '*',
)

/** Fleiss (1971) as worked on Wikipedia: 10 subjects, 14 raters, 5 categories, counts. */
const FLEISS_COUNTS = [
  [0, 0, 0, 0, 14],
  [0, 2, 6, 4, 2],
  [0, 0, 3, 5, 6],
  [0, 3, 9, 2, 0],
  [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0],
  [3, 2, 6, 3, 0],
  [2, 5, 3, 2, 2],
  [6, 5, 2, 1, 0],
  [0, 2, 2, 3, 7],
]

/** The counts as triples; rater r of unit u gets the r-th value of the unit's rotated list. */
function fleissTriples(rotate: number): ReliabilityTriple[] {
  return FLEISS_COUNTS.flatMap((row, u) => {
    const values = row.flatMap((n, k) => Array.from({ length: n }, () => `k${k + 1}`))
    const shift = (rotate * u) % values.length
    const rotated = [...values.slice(shift), ...values.slice(0, shift)]
    return rotated.map((value, r) => ({ coder: `r${r + 1}`, unit: `s${u + 1}`, value }))
  })
}

const raters14 = Array.from({ length: 14 }, (_, r) => `r${r + 1}`)

/** Cohen's κ textbook table: 50 items, yes/yes 20, yes/no 5, no/yes 10, no/no 15 → κ = 0.4. */
const cohenTable: ReliabilityTriple[] = [
  ...Array.from({ length: 50 }, (_, i) => ({
    coder: 'A',
    unit: `p${i}`,
    value: i < 25 ? 'yes' : 'no',
  })),
  ...Array.from({ length: 50 }, (_, i) => ({
    coder: 'B',
    unit: `p${i}`,
    value: i < 20 ? 'yes' : i < 25 ? 'no' : i < 35 ? 'yes' : 'no',
  })),
]

/** The hand-computed example of docs/AGREEMENT.md: Fleiss 1/3, Davies–Fleiss 5/13. */
export const HAND: ReliabilityTriple[] = [
  ['x', 'x', 'y'],
  ['x', 'y', 'y'],
  ['y', 'y', 'y'],
  ['x', 'x', 'x'],
].flatMap((values, u) => values.map((value, c) => ({ coder: 'ABC'[c], unit: `i${u + 1}`, value })))

export const TEXTBOOK: Dataset[] = [
  {
    name: 'T1: Krippendorff (2019) 4 observers, 12 units, missing values (nominal)',
    coders: ['obs1', 'obs2', 'obs3', 'obs4'],
    data: krippendorff,
    metric: 'nominal',
    published: { alpha: 0.743 },
    source: 'Krippendorff, Content Analysis, 4th ed. (2019), ch. 12; Krippendorff (2011)',
  },
  {
    name: 'T2: the same (interval)',
    coders: ['obs1', 'obs2', 'obs3', 'obs4'],
    data: krippendorff,
    metric: 'interval',
    published: { alpha: 0.849 },
    source: 'Krippendorff, Content Analysis, 4th ed. (2019), ch. 12',
  },
  {
    name: 'T3: Wikipedia α example, 3 coders, 15 units (nominal)',
    coders: ['coder1', 'coder2', 'coder3'],
    data: wikipediaAlpha,
    metric: 'nominal',
    published: { alpha: 0.691 },
    source: "Wikipedia, Krippendorff's alpha, 'A computational example'",
  },
  {
    name: 'T4: the same (interval)',
    coders: ['coder1', 'coder2', 'coder3'],
    data: wikipediaAlpha,
    metric: 'interval',
    published: { alpha: 0.811 },
    source: "Wikipedia, Krippendorff's alpha",
  },
  {
    name: 'T5: Fleiss (1971) 10 subjects × 14 raters',
    coders: raters14,
    data: fleissTriples(0),
    metric: 'nominal',
    published: { fleiss: 0.21 },
    source:
      "Fleiss (1971); Wikipedia, Fleiss' kappa, 'Worked example' (P̄ 0.378, P_e 0.213, κ 0.210)",
  },
  {
    name: 'T6: the same counts, raters assigned otherwise',
    coders: raters14,
    data: fleissTriples(3),
    metric: 'nominal',
    published: { fleiss: 0.21 },
    source: 'as T5: Fleiss’ κ depends on the counts only',
  },
  {
    name: 'T7: Cohen textbook 2×2 (50 items)',
    coders: ['A', 'B'],
    data: cohenTable,
    metric: 'nominal',
    published: { cohen: 0.4 },
    source: "Wikipedia, Cohen's kappa, worked example (p_o 0.7, p_e 0.5)",
  },
  {
    name: 'T8: hand-computed, 3 analysts × 4 items (docs/AGREEMENT.md)',
    coders: ['A', 'B', 'C'],
    data: HAND,
    metric: 'nominal',
    published: { fleiss: 1 / 3, daviesFleiss: 5 / 13 },
    source: 'computed by hand in docs/AGREEMENT.md',
  },
]
