// Krippendorff's α_u against the literature: the worked example of Krippendorff (2004) with the
// published figures as DKPro Agreement's tests reproduce them, the δ² examples of DKPro's
// Krippendorff2004Test (from Content Analysis, 2004), and the 1995 example as DKPro computes it;
// then through computeAgreement on a real document.
import { describe, expect, it } from 'vitest'
import {
  computeAgreement,
  continuumPart,
  segmentDistance,
  unitizingAlpha,
  type Interval,
} from '../../../src/shared/agreement'
import { unitizingAlphas } from '../../../src/shared/agreement/unitizing-result'
import { defaultSchema } from '../../../src/shared/default-schema'
import type { Annotations, Span } from '../../../src/shared/model'

/** A unit as Krippendorff writes it: begin b and length l on a continuum that starts at 150. */
const u = (b: number, l: number): Interval => ({ start: b - 150, end: b - 150 + l })

// Krippendorff (2004), "Measuring the reliability of qualitative text analysis data", appendix
// (also Content Analysis, 2nd ed., p. 254): observers i and j, categories c and k, continuum
// 150–450 (L = 300).
const EXAMPLE = {
  c: { i: [u(225, 70), u(370, 30)], j: [u(220, 80), u(355, 20), u(400, 20)] },
  k: { i: [u(180, 60), u(300, 50)], j: [u(180, 60), u(300, 50)] },
}

function part(units: { i: Interval[]; j: Interval[] }, id = 'example') {
  return continuumPart(
    id,
    300,
    new Map([
      ['i', units.i],
      ['j', units.j],
    ]),
  )
}

describe("Krippendorff's α_u: the published example", () => {
  it('gives the published D_o, D_e and α_u of category c', () => {
    const c = unitizingAlpha([[part(EXAMPLE.c)]], ['i', 'j'])
    // By hand: Σδ² over (i, j) = 50 + 850 + 400 = 1300, both orders 2600; ÷ (2·1·300²).
    expect(c.observedDisagreement).toBeCloseTo(2600 / 180000, 15)
    expect(c.observedDisagreement!.toFixed(4)).toBe('0.0144')
    expect(c.expectedDisagreement!.toFixed(4)).toBe('0.0532')
    expect(c.value!.toFixed(4)).toBe('0.7286')
  })

  it('gives the published figures of category k (identical units)', () => {
    const k = unitizingAlpha([[part(EXAMPLE.k)]], ['i', 'j'])
    expect(k.observedDisagreement).toBe(0)
    expect(k.expectedDisagreement!.toFixed(4)).toBe('0.0490')
    expect(k.value).toBe(1)
  })

  it('gives the joint α_u of c and k: 0.8587 exactly, 0.8591 from the rounded figures', () => {
    const joint = unitizingAlpha([[part(EXAMPLE.c)], [part(EXAMPLE.k)]], ['i', 'j'])
    expect(joint.value!.toFixed(4)).toBe('0.8587')
    // The paper computes 1 − 0.0144 ÷ (0.0532 + 0.0490) from four-decimal figures.
    expect((1 - 0.0144 / (0.0532 + 0.049)).toFixed(4)).toBe('0.8591')
    const both = unitizingAlphas([[part(EXAMPLE.c)], [part(EXAMPLE.k)]], ['i', 'j'])
    expect(both.categories.map((r) => r.value!.toFixed(4))).toEqual(['0.7286', '1.0000'])
  })

  it('measures δ² as in the textbook examples', () => {
    // DKPro's Krippendorff2004Test (after Content Analysis, 2004): (begin, length, unit?) and δ².
    const seg = (b: number, l: number, unit: boolean) => ({ start: b, end: b + l, unit })
    expect(
      segmentDistance(seg(2, 3, false), seg(2, 2, true)) +
        segmentDistance(seg(5, 6, true), seg(4, 7, false)),
    ).toBe(40)
    expect(segmentDistance(seg(5, 6, true), seg(4, 2, true))).toBe(26)
    expect(segmentDistance(seg(5, 6, true), seg(5, 2, true))).toBe(16)
    expect(segmentDistance(seg(5, 6, true), seg(6, 2, true))).toBe(10)
    expect(segmentDistance(seg(5, 6, true), seg(7, 2, true))).toBe(8)
    expect(segmentDistance(seg(5, 6, true), seg(6, 4, true))).toBe(2)
    expect(segmentDistance(seg(5, 6, true), seg(5, 6, true))).toBe(0)
    // The three non-zero terms of the example above.
    expect(segmentDistance(seg(225, 70, true), seg(220, 80, true))).toBe(50)
    expect(segmentDistance(seg(370, 30, true), seg(355, 20, true))).toBe(850)
    expect(segmentDistance(seg(400, 50, false), seg(400, 20, true))).toBe(400)
    // Adjacent units do not overlap; a unit only partly inside a gap counts nothing.
    expect(segmentDistance(seg(370, 30, true), seg(400, 20, true))).toBe(0)
    expect(segmentDistance(seg(370, 30, true), seg(375, 25, false))).toBe(0)
  })
})

describe('α_u against DKPro Agreement on Krippendorff (1995)', () => {
  // Krippendorff (1995: 57), four pairs of observers on a continuum of 24; D_o as DKPro's
  // KrippendorffAlphaUnitizingAgreement computes it with the 2004 definition.
  const pairs: [string, [number, number][], [number, number][], number][] = [
    [
      'A',
      [
        [2, 8],
        [14, 6],
      ],
      [
        [4, 4],
        [15, 2],
      ],
      0.03125,
    ],
    [
      'B',
      [[0, 18]],
      [
        [0, 2],
        [2, 1],
        [3, 1],
        [4, 1],
        [5, 1],
        [6, 3],
        [9, 1],
      ],
      2.26736,
    ],
    [
      'C',
      [
        [2, 6],
        [10, 2],
        [14, 4],
        [20, 2],
      ],
      [
        [0, 2],
        [4, 4],
        [10, 4],
        [16, 2],
        [20, 2],
      ],
      0.02777,
    ],
    [
      'D',
      [
        [0, 2],
        [2, 8],
        [10, 4],
        [14, 6],
        [20, 4],
      ],
      [
        [0, 4],
        [4, 4],
        [8, 7],
        [15, 2],
        [17, 7],
      ],
      0.38715,
    ],
  ]
  it.each(pairs)('example %s: D_o', (_, a, b, observed) => {
    const iv = (list: [number, number][]) => list.map(([s, l]) => ({ start: s, end: s + l }))
    const p = continuumPart(
      'd',
      24,
      new Map([
        ['x', iv(a)],
        ['y', iv(b)],
      ]),
    )
    // DKPro states these to five decimals and checks them within 1e-5.
    const r = unitizingAlpha([[p]], ['x', 'y'])
    expect(Math.abs(r.observedDisagreement! - observed)).toBeLessThan(1e-5)
  })

  it('one long unit against three short ones: D_o 0.9100, D_e 0.5351, α_u −0.7003', () => {
    // DKPro's UnitizingAgreementTest: r0 -11111111-, r1 --1-1-1--- (L = 10).
    const p = continuumPart(
      'd',
      10,
      new Map([
        ['r0', [{ start: 1, end: 9 }]],
        ['r1', [2, 4, 6].map((s) => ({ start: s, end: s + 1 }))],
      ]),
    )
    const r = unitizingAlpha([[p]], ['r0', 'r1'])
    // DKPro states four decimals and checks within 1e-4 (D_e is 0.535185…).
    expect(Math.abs(r.observedDisagreement! - 0.91)).toBeLessThan(1e-4)
    expect(Math.abs(r.expectedDisagreement! - 0.5351)).toBeLessThan(1e-4)
    expect(Math.abs(r.value! - -0.7003)).toBeLessThan(1e-4)
  })
})

describe('α_u bookkeeping', () => {
  it('is 1 when the analysts mark the same units, and undefined without units', () => {
    const same = [{ start: 3, end: 9 }]
    const p = continuumPart(
      'd',
      20,
      new Map([
        ['a', same],
        ['b', same],
      ]),
    )
    expect(unitizingAlpha([[p]], ['a', 'b']).value).toBe(1)
    const empty = continuumPart(
      'd',
      20,
      new Map([
        ['a', []],
        ['b', []],
      ]),
    )
    const none = unitizingAlpha([[empty]], ['a', 'b'])
    expect(none.value).toBeNull()
    expect(none.reason).toMatch(/no units/)
  })

  it("leaves out a document where an analyst's own units overlap, and names it", () => {
    const ok = part(EXAMPLE.c, 'ok')
    const nested = continuumPart(
      'nested',
      300,
      new Map([
        [
          'i',
          [
            { start: 10, end: 50 },
            { start: 20, end: 30 },
          ],
        ],
        ['j', [{ start: 10, end: 50 }]],
      ]),
    )
    const r = unitizingAlpha([[ok, nested]], ['i', 'j'])
    expect(r.documents).toBe(1)
    expect(r.value!.toFixed(4)).toBe('0.7286')
    expect(r.excluded).toEqual([
      { documentId: 'nested', reason: "i's units overlap (code points 10–50 and 20–30)" },
    ])
  })

  it('pools documents end to end: one document alone gives its own figure', () => {
    const r = unitizingAlpha([[part(EXAMPLE.c, 'one'), part(EXAMPLE.c, 'two')]], ['i', 'j'])
    // Twice the same document: D_o is unchanged (Σδ² and L both double, L² quadruples … ÷ 2),
    // and the expected disagreement is over the pooled units and gaps.
    expect(r.documents).toBe(2)
    expect(r.length).toBe(600)
    expect(r.observedDisagreement).toBeCloseTo((2600 * 2) / (2 * 600 * 600), 15)
    expect(r.value).not.toBeNull()
  })

  it('gives pairwise two-observer values next to the m-observer form', () => {
    const three = continuumPart(
      'd',
      300,
      new Map([
        ['i', EXAMPLE.c.i],
        ['j', EXAMPLE.c.j],
        ['h', EXAMPLE.c.i],
      ]),
    )
    const r = unitizingAlpha([[three]], ['i', 'j', 'h'])
    expect(r.pairs.map((p) => [p.a, p.b])).toEqual([
      ['i', 'j'],
      ['i', 'h'],
      ['j', 'h'],
    ])
    expect(r.pairs[0].value!.toFixed(4)).toBe('0.7286')
    expect(r.pairs[1].value).toBe(1)
    expect(r.value).not.toBeNull()
  })
})

describe('α_u through computeAgreement', () => {
  // The example on a real text whose characters before each unit include astral ones, so the
  // UTF-16 offsets of the spans differ from the code-point offsets α_u must use.
  const T = '2026-01-01T00:00:00.000Z'
  const chars = Array.from({ length: 300 }, (_, n) => (n % 7 === 0 ? '😀' : 'abcdef'[n % 6]))
  const text = chars.join('')
  const utf16 = (cp: number) => chars.slice(0, cp).join('').length
  const schema = defaultSchema()
  schema.layers[0].labels = [{ name: 'c' }, { name: 'k' }]
  function set(analyst: 'i' | 'j'): Annotations {
    const spans: Span[] = []
    for (const label of ['c', 'k'] as const) {
      EXAMPLE[label][analyst].forEach((iv, n) => {
        const start = utf16(iv.start)
        const end = utf16(iv.end)
        spans.push({
          id: `${analyst}${label}${n}`,
          layer: 'claim',
          label,
          start,
          end,
          quote: { exact: text.slice(start, end), prefix: '', suffix: '' },
          attributes: {},
          annotator: analyst,
          createdAt: T,
          updatedAt: T,
        })
      })
    }
    return { spans, relations: [], docLabels: {} }
  }

  it('counts code points and reproduces the example per label and jointly', () => {
    expect(text.length).toBeGreaterThan(300)
    const report = computeAgreement({
      schema,
      documents: [{ id: 'ex', text, sets: { i: set('i'), j: set('j') } }],
    })
    const claim = report.project.layers.find((l) => l.layer === 'claim')!
    expect(claim.alphaU.value!.toFixed(4)).toBe('0.8587')
    expect(claim.alphaU.length).toBe(300)
    expect(claim.labels.map((l) => [l.label, l.alphaU.value!.toFixed(4)])).toEqual([
      ['c', '0.7286'],
      ['k', '1.0000'],
    ])
    expect(report.documents[0].layers[0].alphaU.value).toBe(claim.alphaU.value)
  })
})
