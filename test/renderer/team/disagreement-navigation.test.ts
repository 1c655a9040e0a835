// From a disagreement in the Agreement view to the overlay: which two sets are compared and which
// overlay span is selected, so the two versions that differ are the ones seen.
import { describe, expect, it } from 'vitest'
import { computeAgreement, type Disagreement } from '../../../src/shared/agreement'
import { defaultSchema } from '../../../src/shared/default-schema'
import { compareView } from '../../../src/renderer/src/team/compare-view'
import { overlayOf } from '../../../src/renderer/src/team/use-disagreement-navigation'
import { ANA, BEN, TWO_DOC, TWO_TEXT, twoAnalystSets } from '../../shared/fixtures/two-analyst-sets'

function report() {
  const schema = defaultSchema()
  const sets = twoAnalystSets()
  return computeAgreement(
    { schema, documents: [{ id: TWO_DOC, text: TWO_TEXT, sets }] },
    { analysts: [ANA.id, BEN.id] },
  )
}

describe('overlayOf', () => {
  const { disagreements } = report()
  const sets = twoAnalystSets()

  it('overlays the two analysts, and selects a span of the overlay that the difference names', () => {
    const view = compareView(defaultSchema(), {
      ...{ docId: TWO_DOC, analysts: [ANA.id, BEN.id] },
      names: { [ANA.id]: ANA.name, [BEN.id]: BEN.name },
      sets,
      disagreements,
    })
    const spanKinds = disagreements.filter((d) => d.kind !== 'doc-label')
    expect(spanKinds.length).toBeGreaterThan(2)
    for (const d of spanKinds) {
      const overlay = overlayOf(d)!
      expect(overlay.choice).toEqual({ kind: 'compare', a: ANA.id, b: BEN.id })
      const difference = view.differences.find((x) => x.disagreement.id === d.id)!
      expect(difference.spanIds).toContain(overlay.spanId)
    }
  })

  it('a span only the second analyst has: that span, on the overlay side b', () => {
    const missing = disagreements.find(
      (d) => d.kind === 'missing' && d.versions[0].spans.length === 0,
    )!
    expect(overlayOf(missing)!.spanId).toBe(`b:${missing.versions[1].spans[0].id}`)
  })

  it('with three analysts, two who differ there (not two who agree)', () => {
    const d = disagreements.find((x) => x.kind === 'boundary')!
    const [ana, ben] = d.versions
    const three: Disagreement = {
      ...d,
      versions: [ana, { ...ana, analyst: 'cleo' }, ben],
    }
    expect(overlayOf(three)!.choice).toEqual({ kind: 'compare', a: ana.analyst, b: ben.analyst })
  })

  it('nothing to overlay with one analyst', () => {
    const d = disagreements[0]
    expect(overlayOf({ ...d, versions: d.versions.slice(0, 1) })).toBeNull()
  })
})
