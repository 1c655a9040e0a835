// Cross-check against NLTK's nltk.metrics.agreement.AnnotationTask (Debian's python3-nltk) on
// the same triples: generated data sets (2–5 analysts, with and without missing values, nominal
// and interval), the published worked examples, and the units a real report was computed on.
import { beforeAll, describe, expect, it } from 'vitest'
import { computeAgreement } from '../../../src/shared/agreement'
import { defaultSchema } from '../../../src/shared/default-schema'
import { GENERATED, TEXTBOOK } from './datasets'
import {
  checked,
  compareWithNltk,
  degenerateAlpha,
  reportBlocks,
  reportProject,
  varies,
  type Comparison,
} from './nltk-compare'

const EPS = 1e-12

function close(c: Comparison): void {
  expect(c.nltkError, `${c.dataset} · ${c.statistic}`).toBeUndefined()
  expect(c.ours, `${c.dataset} · ${c.statistic}`).not.toBeNull()
  expect(Math.abs(c.ours! - c.nltk!), `${c.dataset} · ${c.statistic}`).toBeLessThan(EPS)
}

describe('coefficients against NLTK AnnotationTask', () => {
  let rows: Comparison[]
  beforeAll(() => {
    rows = compareWithNltk([...GENERATED, ...TEXTBOOK].map(checked))
  })

  it('equals NLTK on every statistic that shares a definition', () => {
    const equal = rows.filter((r) => r.relation === 'equal')
    expect(equal.length).toBeGreaterThan(60)
    for (const r of equal) close(r)
  })

  it('covers κ, Fleiss, Davies–Fleiss and α on each generated data set', () => {
    for (const d of GENERATED) {
      const stats = rows.filter((r) => r.dataset === d.name && r.relation === 'equal')
      const names = stats.map((r) => r.statistic).join('\n')
      expect(names).toMatch(/Krippendorff α/)
      if (d.metric === 'nominal') {
        expect(names).toMatch(/Cohen κ/)
        expect(names).toMatch(/Fleiss' κ/)
        expect(names).toMatch(/Davies–Fleiss/)
      }
    }
  })

  it('computes κ and Fleiss on data with missing values, which NLTK refuses', () => {
    const fails = rows.filter((r) => r.relation === 'nltk-fails')
    expect(fails.length).toBeGreaterThanOrEqual(6)
    for (const r of fails) {
      expect(r.nltkError).toMatch(/StopIteration/)
      expect(r.ours).toEqual(expect.any(Number))
    }
  })

  it('matches the published worked examples', () => {
    for (const r of rows.filter((x) => x.published !== undefined && x.relation === 'equal')) {
      // Published figures are rounded to three decimals.
      expect(Math.abs(r.ours! - r.published!), `${r.dataset} · ${r.statistic}`).toBeLessThan(6e-4)
    }
    const alpha = rows.find(
      (r) => r.dataset.startsWith('T1') && r.statistic.startsWith('Krippendorff'),
    )
    expect(alpha!.ours).toBeCloseTo(0.743421052631579, 12)
  })

  it("shows NLTK's multi_kappa is Davies–Fleiss, not Fleiss' κ (the hand-computed example)", () => {
    const hand = rows.filter((r) => r.dataset.startsWith('T8'))
    const fleissVsPi = hand.find((r) => r.statistic === "Fleiss' κ | pi()")!
    const fleissVsMulti = hand.find((r) => r.statistic === "Fleiss' κ | multi_kappa()")!
    const davies = hand.find((r) => r.statistic.startsWith('Davies–Fleiss'))!
    expect(fleissVsPi.ours).toBeCloseTo(1 / 3, 12)
    expect(fleissVsPi.nltk).toBeCloseTo(1 / 3, 12)
    expect(davies.ours).toBeCloseTo(5 / 13, 12)
    expect(fleissVsMulti.nltk).toBeCloseTo(5 / 13, 12)
    expect(fleissVsMulti.relation).toBe('differs')
    // Fleiss' κ depends on the counts only; multi_kappa changes when raters swap values.
    const t5 = rows.find(
      (r) => r.dataset.startsWith('T5') && r.statistic === "Fleiss' κ | multi_kappa()",
    )!
    const t6 = rows.find(
      (r) => r.dataset.startsWith('T6') && r.statistic === "Fleiss' κ | multi_kappa()",
    )!
    expect(t5.ours).toBeCloseTo(t6.ours!, 12)
    expect(Math.abs(t5.nltk! - t6.nltk!)).toBeGreaterThan(1e-3)
    expect(t5.ours).toBeCloseTo(0.20993070442195522, 12)
  })

  it('leaves α undefined where the pairable values do not vary (NLTK says 1 or divides by 0)', () => {
    const [one, unpairable] = degenerateAlpha()
    expect(one.ours).toBeNull()
    expect(one.nltk).toBe(1)
    expect(unpairable.ours).toBeNull()
    expect(unpairable.nltkError).toMatch(/ZeroDivisionError/)
  })
})

describe('report units against NLTK', () => {
  const { documents, report } = reportProject()

  it('gives the same α, pairwise κ and Fleiss as NLTK on the units the report used', () => {
    // One-label layers (source, cue) give no variation: the next test covers them.
    const varied = reportBlocks(report).filter(varies)
    expect(varied.length).toBeGreaterThanOrEqual(10)
    expect(varied.every((d) => d.data.length > 0)).toBe(true)
    const rows = compareWithNltk(varied).filter(
      (r) => r.relation === 'equal' && !r.statistic.startsWith('Davies'),
    )
    expect(new Set(rows.map((r) => r.dataset)).size).toBe(varied.length)
    for (const r of rows) close(r)
  })

  it('leaves label α of a one-label layer undefined, where NLTK returns 1', () => {
    const single = computeAgreement({ schema: defaultSchema(), documents }, { includeUnits: true })
    const source = single.project.layers.find((l) => l.layer === 'source')!.labelAgreement
    expect(source.categories).toEqual(['Source'])
    expect(source.alpha.value).toBeNull()
    expect(source.alpha.reason).toMatch(/do not vary/)
    const [row] = compareWithNltk([
      {
        name: 'source labels',
        coders: single.analysts,
        data: source.data!,
        metric: 'nominal',
        ours: source,
      },
    ])
    expect(row.nltk).toBe(1)
  })
})
