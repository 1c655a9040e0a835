// computeAgreement on hand-made annotation sets whose figures are worked out in the comments:
// span matching (exact, overlap, greedy), alignment of three analysts, labels with the confusion
// matrix, attributes, relations and links, document labels, missing analysts, pooling, options,
// warnings and the disagreement list.
import { describe, expect, it } from 'vitest'
import {
  AgreementCancelled,
  AgreementComputation,
  computeAgreement,
  krippendorffAlpha,
  type AgreementDocument,
  type AgreementReport,
} from '../../../src/shared/agreement'
import { defaultSchema } from '../../../src/shared/default-schema'
import type { AnnotationSchema } from '../../../src/shared/model'
import { annotations, type RelationSpec, type SpanSpec } from './build'
import { generateProject, multiLabelSchema } from './generate'

const schema = defaultSchema()

function layer(report: AgreementReport, id: string) {
  return report.project.layers.find((l) => l.layer === id)!
}

function claims(text: string, analyst: string, quotes: string[], extra: Partial<SpanSpec>[] = []) {
  return annotations(
    text,
    analyst,
    quotes.map((quote, i) => ({ id: `${analyst}${i}`, layer: 'claim', quote, ...extra[i] })),
  )
}

/** ana's and ben's claims (given by their text) in one document. */
function twoAnalysts(text: string, ana: string[], ben: string[]): AgreementReport {
  const sets = { ana: claims(text, 'ana', ana), ben: claims(text, 'ben', ben) }
  return computeAgreement({ schema, documents: [{ id: 'g', text, sets }] })
}

describe('span matching', () => {
  const text = '😀 Alpha said the tax will rise. Beta denied it. Gamma agreed.'
  const doc: AgreementDocument = {
    id: 'd1',
    text,
    sets: {
      ana: claims(text, 'ana', ['the tax will rise', 'Beta denied it']),
      ben: claims(text, 'ben', ['the tax will rise', 'denied it', 'Gamma agreed']),
    },
  }
  const report = computeAgreement({ schema, documents: [doc] })

  it('scores exact and overlap matches with a as the reference', () => {
    const [pair] = layer(report, 'claim').spans
    expect(pair).toMatchObject({ a: 'ana', b: 'ben' })
    // Exact: 1 match of ana's 2 and ben's 3 spans. Overlap: "Beta denied it" ~ "denied it" too.
    expect(pair.exact).toEqual({ tp: 1, a: 2, b: 3, precision: 1 / 3, recall: 1 / 2, f1: 2 / 5 })
    expect(pair.overlap).toEqual({ tp: 2, a: 2, b: 3, precision: 2 / 3, recall: 1, f1: 0.8 })
    expect(layer(report, 'claim').spanCounts).toEqual({ ana: 2, ben: 3 })
  })

  it('lists a boundary and a missing disagreement with both offset units', () => {
    const list = report.disagreements.filter((d) => d.layer === 'claim')
    expect(list.map((d) => d.kind)).toEqual(['boundary', 'missing'])
    const [boundary, missing] = list
    expect(boundary.versions.map((v) => v.value)).toEqual(['Beta denied it', 'denied it'])
    const span = boundary.versions[0].spans[0]
    expect(text.slice(span.start, span.end)).toBe('Beta denied it')
    // The emoji is two UTF-16 units and one code point.
    expect(span.codePointStart).toBe(span.start - 1)
    expect([boundary.start, boundary.end]).toEqual([span.start, span.end])
    expect(missing.versions).toEqual([
      { analyst: 'ana', spans: [], relationIds: [], value: null },
      expect.objectContaining({ analyst: 'ben', value: 'Claim', relationIds: [] }),
    ])
    expect(missing.id).toBe('d1/claim/3:missing')
  })

  it('matches greedily by Jaccard overlap, best pair first', () => {
    const t = '0123456789 and more'
    const r = twoAnalysts(t, ['0123456789'], ['0123', '012345678'])
    expect(layer(r, 'claim').spans[0].overlap.tp).toBe(1)
    const boundary = r.disagreements.find((d) => d.kind === 'boundary')!
    expect(boundary.versions[1].value).toBe('012345678')
  })

  it('keeps the greedy matching one-to-one even where another pairing would match more', () => {
    // A1 "cdefghij" ~ B1 "defghij" (Jaccard 7/8) is taken first; A1 ~ B2 and A2 ~ B1 are then
    // left, so one match, where an optimal matching would find two (docs/AGREEMENT.md says so).
    const t = 'abcdefghijklmnop'
    const r = twoAnalysts(t, ['cdefghij', 'abcd'], ['defghij', 'jklmn'])
    expect(layer(r, 'claim').spans[0].overlap.tp).toBe(1)
  })

  it('takes a least Jaccard overlap when asked', () => {
    // "Beta denied it" ~ "denied it": 9 of 14 code points, Jaccard 0.64.
    const at = (minOverlap: number) =>
      layer(computeAgreement({ schema, documents: [doc] }, { minOverlap }), 'claim').spans[0]
        .overlap.tp
    expect(at(0.6)).toBe(2)
    expect(at(0.7)).toBe(1)
    expect(
      computeAgreement({ schema, documents: [doc] }, { minOverlap: 0.7 }).method.overlapMatch,
    ).toMatch(/at least 0.7/)
  })
})

describe('alignment of three analysts', () => {
  const t = '0123456789ABCDEFGHIJKLMNOPQRST'
  const r = computeAgreement({
    schema,
    documents: [
      {
        id: 'd',
        text: t,
        sets: {
          ana: claims(t, 'ana', ['0123456789']),
          ben: claims(t, 'ben', ['89ABCDEFGHIJ']),
          cy: claims(t, 'cy', ['IJKLMNOPQRST']),
        },
      },
    ],
  })

  it('never puts two spans that do not overlap in one unit', () => {
    // ana–ben merge first (Jaccard 2/20); cy overlaps ben only, so cy stays a unit of its own.
    const labels = layer(r, 'claim').labelAgreement
    expect(labels.units).toBe(2)
    expect(labels.alpha.units).toBe(1)
    const missing = r.disagreements.filter((d) => d.kind === 'missing')
    expect(missing.map((d) => d.versions.map((v) => v.spans.length))).toEqual([
      [1, 1, 0],
      [0, 0, 1],
    ])
  })

  it('still matches each pair on its own for F1', () => {
    expect(layer(r, 'claim').spans.map((p) => [p.a, p.b, p.overlap.tp])).toEqual([
      ['ana', 'ben', 1],
      ['ana', 'cy', 0],
      ['ben', 'cy', 1],
    ])
  })
})

describe('labels and attributes on aligned units', () => {
  const labelled = multiLabelSchema()
  const t = 'one two three four five six'
  const words = t.split(' ')
  const attributesOf = (check: string | undefined): Record<string, string> =>
    check ? { checkability: check } : {}
  const set = (analyst: string, labels: string[], checks: (string | undefined)[]) =>
    annotations(
      t,
      analyst,
      words.map((w, i) => ({
        id: `${analyst}${i}`,
        layer: 'claim',
        quote: w,
        label: labels[i],
        attributes: attributesOf(checks[i]),
      })),
    )
  const C = 'Claim'
  const P = 'Prediction'
  const f = 'factual'
  const r = computeAgreement({
    schema: labelled,
    documents: [
      {
        id: 'd',
        text: t,
        sets: {
          ana: set('ana', [C, C, C, P, P, P], [f, 'opinion', undefined, f, f, f]),
          ben: set('ben', [C, C, P, P, C, P], [f, f, 'prediction', f, f, f]),
        },
      },
    ],
  })
  const claim = layer(r, 'claim')

  it("gives Cohen's κ, Scott's π, α, and the confusion and coincidence matrices", () => {
    const labels = claim.labelAgreement
    expect(labels.categories).toEqual(['Claim', 'Prediction'])
    expect(labels.cohen[0].confusion).toEqual([
      [2, 1],
      [1, 2],
    ])
    // p_o 4/6, p_e 1/2: κ = 1/3. α: D_o 4/12, D_e 72/132 → 7/18.
    expect(labels.cohen[0].value).toBeCloseTo(1 / 3, 12)
    expect(labels.fleiss.value).toBeCloseTo(1 / 3, 12)
    expect(labels.alpha.value).toBeCloseTo(7 / 18, 12)
    expect(labels.coincidence).toEqual([
      [4, 2],
      [2, 4],
    ])
  })

  it('scores labelled matches within each label and adds them up', () => {
    expect(claim.spans[0].overlap.f1).toBe(1)
    expect(claim.labels.map((l) => [l.label, l.pairs[0].overlap.tp])).toEqual([
      ['Claim', 2],
      ['Prediction', 2],
    ])
    expect(claim.labelled[0].overlap).toMatchObject({ tp: 4, a: 6, b: 6 })
  })

  it('treats an unset attribute as a missing value, and scores (span, value) F1', () => {
    const check = claim.attributes.find((a) => a.attribute === 'checkability')!
    // Units both set: (f, f) (opinion, f) (f, f) (f, f) (f, f); "three" only ben set.
    expect(check.cohen[0].units).toBe(5)
    expect(check.alpha.units).toBe(5)
    expect(check.units).toBe(6)
    // ana set 5, ben 6; equal on 4 matched spans: F1 = 8/11.
    expect(check.pairs[0].f1).toMatchObject({ tp: 4, a: 5, b: 6 })
    expect(check.pairs[0].f1.f1).toBeCloseTo(8 / 11, 12)
    expect(claim.attributes.map((a) => a.attribute)).toEqual(['checkability'])
  })

  it('lists label and attribute disagreements, set against unset included', () => {
    const list = r.disagreements
    expect(list.filter((d) => d.kind === 'label').map((d) => d.versions[0].spans[0].text)).toEqual([
      'three',
      'five',
    ])
    const attrs = list.filter((d) => d.kind === 'attribute')
    expect(attrs.map((d) => d.versions.map((v) => v.value))).toEqual([
      ['opinion', 'factual'],
      [null, 'prediction'],
    ])
    expect(attrs[0].id).toBe('d/claim/2:attribute:checkability')
  })
})

describe('relations', () => {
  const t = 'Putin said the alliance is strong. Kim praised it. Lavrov agreed.'
  const spans = (analyst: string, withLavrov: boolean): SpanSpec[] => [
    { id: `${analyst}C1`, layer: 'claim', quote: 'the alliance is strong' },
    { id: `${analyst}C2`, layer: 'claim', quote: 'praised it' },
    { id: `${analyst}C3`, layer: 'claim', quote: 'agreed' },
    { id: `${analyst}S1`, layer: 'source', quote: 'Putin' },
    { id: `${analyst}S2`, layer: 'source', quote: 'Kim' },
    ...(withLavrov ? [{ id: `${analyst}S3`, layer: 'source', quote: 'Lavrov' }] : []),
  ]
  const link = (id: string, from: string, to: string, stance?: string): RelationSpec => ({
    id,
    type: 'attributed_to',
    from,
    to,
    attributes: stance ? { stance } : {},
  })
  const r = computeAgreement({
    schema,
    documents: [
      {
        id: 'd',
        text: t,
        sets: {
          ana: annotations(t, 'ana', spans('ana', true), [
            link('r1', 'anaC1', 'anaS1', 'asserts'),
            link('r2', 'anaC2', 'anaS2', 'asserts'),
            link('r3', 'anaC3', 'anaS3'),
          ]),
          ben: annotations(t, 'ben', spans('ben', false), [
            link('q1', 'benC1', 'benS1', 'denies'),
            link('q2', 'benC2', 'benS1', 'asserts'),
          ]),
        },
      },
    ],
  })
  const attributed = r.project.relations.find((x) => x.type === 'attributed_to')!

  it('matches relations through their matched ends, over all and over matched ends', () => {
    const [pair] = attributed.pairs
    expect(pair.all).toMatchObject({ tp: 1, a: 3, b: 2, f1: 0.4 })
    // ana's Lavrov link has no matched end in ben's set.
    expect(pair.matchedEnds).toMatchObject({ tp: 1, a: 2, b: 2, f1: 0.5 })
    expect(attributed.relationCounts).toEqual({ ana: 3, ben: 2 })
  })

  it('compares which source each claim is linked to (κ on link units)', () => {
    // Claims: same source; Kim vs Putin; Lavrov vs none. p_o 1/3, p_e 2/9: κ = 1/7.
    expect(attributed.links.units).toBe(3)
    expect(attributed.links.cohen[0].value).toBeCloseTo(1 / 7, 12)
    expect(attributed.links.categories).toEqual([])
    expect(attributed.links.cohen[0].confusion).toBeUndefined()
  })

  it('compares relation attributes on aligned relations', () => {
    const stance = attributed.attributes.find((a) => a.attribute === 'stance')!
    expect(stance.alpha.units).toBe(1)
    expect(stance.cohen[0]).toMatchObject({ units: 1, observedAgreement: 0 })
    expect(stance.pairs[0].f1).toMatchObject({ tp: 0, a: 2, b: 2 })
  })

  it('lists link and relation-attribute disagreements with the spans and relation ids', () => {
    const links = r.disagreements.filter((d) => d.kind === 'link')
    expect(links.map((d) => d.versions.map((v) => v.value))).toEqual([
      ['“Kim”', '“Putin”'],
      ['“Lavrov”', '(none)'],
    ])
    expect(links[0].versions[0].relationIds).toEqual(['r2'])
    expect(links[0].versions[1].spans.map((s) => s.text)).toEqual(['praised it', 'Putin'])
    const stance = r.disagreements.find((d) => d.kind === 'relation-attribute')!
    expect(stance).toMatchObject({ relationType: 'attributed_to', attribute: 'stance' })
    expect(stance.versions.map((v) => [v.value, v.relationIds])).toEqual([
      ['asserts', ['r1']],
      ['denies', ['q1']],
    ])
    expect(stance.start).toBe(0)
  })
})

describe('document labels', () => {
  const withTopics: AnnotationSchema = {
    ...defaultSchema(),
    labelSets: [
      ...defaultSchema().labelSets,
      { id: 'topics', name: 'Topics', values: ['politics', 'economy', 'war'], multiple: true },
    ],
  }
  const t = 'Some text.'
  const doc = (id: string, ana: Record<string, string[]>, ben: Record<string, string[]>) => ({
    id,
    text: t,
    sets: { ana: annotations(t, 'ana', [], [], ana), ben: annotations(t, 'ben', [], [], ben) },
  })
  const r = computeAgreement({
    schema: withTopics,
    documents: [
      doc(
        'd1',
        { overall_sentiment: ['negative'], topics: ['politics', 'war'] },
        { overall_sentiment: ['negative'], topics: ['politics'] },
      ),
      doc(
        'd2',
        { overall_sentiment: ['positive'] },
        { overall_sentiment: ['negative'], topics: ['economy'] },
      ),
      doc('d3', { overall_sentiment: ['negative'] }, {}),
    ],
  })

  it('gives κ/α of a single-choice set over documents', () => {
    const single = r.project.docLabels.find((d) => d.labelSet === 'overall_sentiment')!.agreement
    // d1 agree, d2 differ, d3 ben gave nothing: p_o 1/2, p_e 1/2, κ 0.
    expect(single.cohen[0]).toMatchObject({ units: 2, value: 0 })
    expect(single.units).toBe(3)
  })

  it('gives κ/α of a multiple-choice set per document and value', () => {
    const multi = r.project.docLabels.find((d) => d.labelSet === 'topics')!.agreement
    // d1: politics yes/yes, economy no/no, war yes/no; d2: ana chose nothing (missing).
    expect(multi.cohen[0].units).toBe(3)
    expect(multi.cohen[0].value).toBeCloseTo(0.4, 12)
    expect(multi.categories).toEqual(['no', 'yes'])
  })

  it('lists documents whose labels differ', () => {
    const list = r.disagreements.filter((d) => d.kind === 'doc-label')
    expect(list.map((d) => [d.documentId, d.labelSet, d.versions.map((v) => v.value)])).toEqual([
      ['d1', 'topics', ['politics + war', 'politics']],
      ['d2', 'overall_sentiment', ['positive', 'negative']],
      ['d2', 'topics', [null, 'economy']],
      ['d3', 'overall_sentiment', ['negative', null]],
    ])
  })
})

describe('documents, pooling and options', () => {
  const labelled = multiLabelSchema()
  const documents = generateProject({
    documents: 4,
    analysts: 3,
    spans: 24,
    seed: 3,
    schema: labelled,
  })
  // cy did not annotate the second article.
  const sets = { ...documents[1].sets }
  delete (sets as Record<string, unknown>).cy
  documents[1] = { ...documents[1], sets }
  const report = computeAgreement({ schema: labelled, documents }, { includeUnits: true })

  it('compares in each document only the analysts who annotated it', () => {
    expect(report.documents.map((d) => d.analysts)).toEqual([
      ['ana', 'ben', 'cy'],
      ['ana', 'ben'],
      ['ana', 'ben', 'cy'],
      ['ana', 'ben', 'cy'],
    ])
    expect(report.documents[1].layers[0].spans.map((p) => `${p.a}–${p.b}`)).toEqual(['ana–ben'])
    expect(
      report.disagreements
        .filter((d) => d.documentId === 'doc2')
        .every((d) => d.versions.length === 2),
    ).toBe(true)
  })

  it('sums match counts over documents (micro-averaged F1)', () => {
    const pooled = layer(report, 'claim').spans
    for (const [i, pair] of pooled.entries()) {
      const docs = report.documents.map((d) =>
        d.layers[0].spans.find((p) => p.a === pair.a && p.b === pair.b),
      )
      const sum = (f: 'tp' | 'a' | 'b') => docs.reduce((s, p) => s + (p?.overlap[f] ?? 0), 0)
      expect([pair.overlap.tp, pair.overlap.a, pair.overlap.b], `pair ${i}`).toEqual([
        sum('tp'),
        sum('a'),
        sum('b'),
      ])
    }
    // ana–cy: the second document does not count.
    const anaCy = pooled.find((p) => p.b === 'cy')!
    expect(anaCy.overlap.a).toBe(
      report.documents
        .filter((d) => d.analysts.includes('cy'))
        .reduce((s, d) => s + d.layers[0].spanCounts.ana, 0),
    )
  })

  it('computes κ and α once over the pooled units, not as a mean of documents', () => {
    const labels = layer(report, 'claim').labelAgreement
    const docData = report.documents.flatMap((d) => d.layers[0].labelAgreement.data!)
    expect(labels.data).toEqual(docData)
    expect(labels.alpha.value).toBe(krippendorffAlpha(docData).value)
    // Fleiss' κ takes the units all three coded: none in the second document.
    const complete = new Set(labels.data!.filter((t) => t.coder === 'cy').map((t) => t.unit))
    expect(labels.fleiss.units).toBeLessThanOrEqual(complete.size)
    expect(labels.data!.some((t) => t.unit.startsWith('doc2/'))).toBe(true)
  })

  it('gives the same report one document at a time as all at once', () => {
    const step = new AgreementComputation(labelled, ['ana', 'ben', 'cy'], { includeUnits: true })
    const perDocument = documents.map((d) => step.addDocument(d))
    expect(step.finish()).toEqual(report)
    expect(perDocument).toEqual(report.documents)
  })

  it('does not depend on the order of spans and relations in the files', () => {
    const shuffled = documents.map((d) => ({
      ...d,
      sets: Object.fromEntries(
        Object.entries(d.sets).map(([a, s]) => [
          a,
          { ...s, spans: [...s.spans].reverse(), relations: [...s.relations].reverse() },
        ]),
      ),
    }))
    expect(
      computeAgreement({ schema: labelled, documents: shuffled }, { includeUnits: true }),
    ).toEqual(report)
    // Two units with the same extent (ana marked "X" twice) keep their ids either way round.
    const t = 'X marks the spot'
    const ana = claims(t, 'ana', ['X', 'X'])
    const ben = claims(t, 'ben', ['X'])
    const run = (spans: typeof ana.spans) =>
      computeAgreement({
        schema,
        documents: [{ id: 'x', text: t, sets: { ana: { ...ana, spans }, ben } }],
      }).disagreements
    expect(run([...ana.spans].reverse())).toEqual(run(ana.spans))
    expect(run(ana.spans)[0].versions[0].spans[0].id).toBe('ana1')
  })

  it('compares the analysts asked for, in that order (the first is the reference)', () => {
    const r = computeAgreement({ schema: labelled, documents }, { analysts: ['ben', 'ana'] })
    expect(r.analysts).toEqual(['ben', 'ana'])
    const swapped = layer(r, 'claim').spans[0]
    const pair = layer(report, 'claim').spans[0]
    expect([swapped.a, swapped.b]).toEqual(['ben', 'ana'])
    expect(swapped.overlap.precision).toBe(pair.overlap.recall)
    expect(swapped.overlap.f1).toBe(pair.overlap.f1)
  })

  it('reports the layers asked for, with the relation types that touch them', () => {
    const r = computeAgreement({ schema: labelled, documents }, { layers: ['cue'] })
    expect(r.layers).toEqual(['cue'])
    expect(r.project.layers.map((l) => l.layer)).toEqual(['cue'])
    expect(r.project.relations.map((x) => x.type)).toEqual(['cue_of'])
    expect(r.disagreements.every((d) => d.layer === undefined || d.layer === 'cue')).toBe(true)
    expect(() => computeAgreement({ schema: labelled, documents }, { layers: ['nope'] })).toThrow(
      /no layer "nope"/,
    )
  })

  it('reports progress and stops when cancelled', () => {
    const seen: [number, number][] = []
    computeAgreement({ schema: labelled, documents }, { onProgress: (d, n) => seen.push([d, n]) })
    expect(seen).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ])
    const signal = { aborted: false }
    const run = () =>
      computeAgreement(
        { schema: labelled, documents },
        { signal, onProgress: (d) => void (signal.aborted = d === 2) },
      )
    expect(run).toThrow(AgreementCancelled)
  })

  it('states how units were formed in the report', () => {
    expect(report.method.overlapMatch).toMatch(/greedy/)
    expect(report.method.alignment).toMatch(/at most one span per analyst/)
    expect(report.method.offsets).toMatch(/UTF-16/)
    expect(report.method.offsets).toMatch(/code points/)
    expect(report.format).toBe('marginalia-agreement')
  })
})

describe('bad input', () => {
  const t = 'Claim one. Source two.'
  it('leaves out relations to missing spans, unknown layers and spans past the text, and says so', () => {
    const ana = annotations(
      t,
      'ana',
      [
        { id: 'a1', layer: 'claim', quote: 'Claim one' },
        { id: 'a2', layer: 'opinion', quote: 'Source two' },
      ],
      [{ id: 'r', type: 'attributed_to', from: 'a1', to: 'gone' }],
    )
    const ben = annotations(t, 'ben', [{ id: 'b1', layer: 'claim', quote: 'Claim one' }])
    ben.spans.push({ ...ben.spans[0], id: 'b2', start: 5, end: 500 })
    const r = computeAgreement({ schema, documents: [{ id: 'd', text: t, sets: { ana, ben } }] })
    expect(r.warnings).toEqual([
      "d: ana's spans on layers not in the schema were left out (opinion)",
      "d: 1 of ben's spans lie outside the text and were left out",
      "d: 1 of ana's relations point to spans that are missing or left out",
    ])
    expect(layer(r, 'claim').spans[0].exact.tp).toBe(1)
  })

  it('warns about a document with one analyst and an analyst with no documents', () => {
    const r = computeAgreement(
      { schema, documents: [{ id: 'solo', text: t, sets: { ana: annotations(t, 'ana', []) } }] },
      { analysts: ['ana', 'zed'] },
    )
    expect(r.warnings).toEqual([
      'solo: fewer than two of the compared analysts annotated it (ana)',
      'analyst "zed" annotated none of the documents',
    ])
    expect(r.disagreements).toEqual([])
    expect(layer(r, 'claim').spans[0].overlap.f1).toBeNull()
  })

  it('refuses an analyst listed twice, a document added twice and a bad minOverlap', () => {
    expect(() => new AgreementComputation(schema, ['a', 'a'])).toThrow(/twice/)
    expect(() => computeAgreement({ schema, documents: [] }, { minOverlap: 2 })).toThrow(
      /minOverlap/,
    )
    const c = new AgreementComputation(schema, ['a', 'b'])
    const doc = { id: 'd', text: t, sets: {} }
    c.addDocument(doc)
    expect(() => c.addDocument(doc)).toThrow(/added twice/)
  })
})
