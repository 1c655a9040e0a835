// The overlay of two analysts' sets: every span of both, each side's spans on layers of their own
// (the layer's colour, the side's underline), the spans the agreement engine found differing on
// layers that say what differs (the hover card's words), and the differences for the side panel.
import { describe, expect, it } from 'vitest'
import { computeAgreement } from '../../../src/shared/agreement'
import { defaultSchema } from '../../../src/shared/default-schema'
import type { CompareResult } from '../../../src/shared/team'
import {
  compareView,
  differenceSummary,
  fromOverlayId,
  overlayId,
} from '../../../src/renderer/src/team/compare-view'
import { ANA, BEN, TWO_DOC, TWO_TEXT, twoAnalystSets } from '../../shared/fixtures/two-analyst-sets'
import type { BlockType } from '../../../src/shared/model'
import { annotationKey } from '../../../src/renderer/src/editor/annotation-plugin'
import { createArticleState } from '../../../src/renderer/src/editor/state'
import { makeDocument, spanOf } from '../editor/fixtures'

function compared(): CompareResult {
  const schema = defaultSchema()
  const sets = twoAnalystSets()
  const report = computeAgreement(
    { schema, documents: [{ id: TWO_DOC, text: TWO_TEXT, sets }] },
    { analysts: [ANA.id, BEN.id] },
  )
  return {
    docId: TWO_DOC,
    analysts: [ANA.id, BEN.id],
    names: { [ANA.id]: ANA.name, [BEN.id]: BEN.name },
    sets,
    disagreements: report.disagreements,
  }
}

describe('compareView', () => {
  const result = compared()
  const view = compareView(defaultSchema(), result)
  const span = (side: 'a' | 'b', text: string) =>
    view.annotations.spans.find(
      (s) => fromOverlayId(s.id)?.side === side && TWO_TEXT.slice(s.start, s.end) === text,
    )!
  const layerOf = (side: 'a' | 'b', text: string) =>
    view.schema.layers.find((l) => l.id === span(side, text).layer)!

  it('holds every span and link of both sets, ids prefixed by side', () => {
    const sets = twoAnalystSets()
    expect(view.annotations.spans).toHaveLength(sets.ana.spans.length + sets.ben.spans.length)
    expect(view.annotations.relations.map((r) => [r.id, r.from, r.to])).toEqual([
      ['a:ra1', 'a:a2', 'a:a1'],
      ['a:ra2', 'a:a4', 'a:a3'],
      ['b:rb1', 'b:b2', 'b:b1'],
    ])
    expect(overlayId('b', 'b3')).toBe('b:b3')
    expect(fromOverlayId('b:b3')).toEqual({ side: 'b', id: 'b3' })
    expect(fromOverlayId('zz')).toBeNull()
  })

  it("draws each side with the layer's colour and its own underline", () => {
    const claim = defaultSchema().layers.find((l) => l.id === 'claim')!
    const mayorA = layerOf('a', 'The mayor')
    const mayorB = layerOf('b', 'The mayor')
    expect(mayorA).toMatchObject({ id: 'source--a', underline: 'solid', name: 'Source · Ana' })
    expect(mayorB).toMatchObject({ id: 'source--b', underline: 'wavy', name: 'Source · Ben' })
    expect(layerOf('a', 'the cost doubled').color).toBe(claim.color)
  })

  it('names what differs on the spans the engine found differing', () => {
    // Ben's shorter claim: other boundaries, and no link where Ana's links to "Critics".
    expect(layerOf('b', 'cost doubled').name).toBe(
      'Claim · Ben — differs: links differ (attributed_to), boundaries differ',
    )
    expect(layerOf('b', 'tolls stay the same').name).toContain("only in Ben's set")
    const port = layerOf('a', 'the port will reopen in May')
    expect(port.id).toMatch(/^claim--a-x-/)
    expect(port.name).toContain('checkability differs')
    expect(port.name).not.toContain('links differ') // both link it to "The mayor"
    // The link's target is not itself differing: "The mayor" is agreed by both.
    expect(layerOf('a', 'The mayor').id).toBe('source--a')
  })

  it('lets relation types link the overlay layers of their own layers', () => {
    const attributed = view.schema.relationTypes.find((t) => t.id === 'attributed_to')!
    expect(attributed.from.every((id) => id.startsWith('claim--'))).toBe(true)
    expect(attributed.to).toContain('source--a')
  })

  it('lists every disagreement with its words and overlay spans', () => {
    expect(view.differences.map((d) => d.disagreement)).toEqual(result.disagreements)
    const boundary = view.differences.find((d) => d.disagreement.kind === 'boundary')!
    expect(boundary.summary).toBe('boundaries differ')
    expect(boundary.spanIds).toEqual(['a:a4', 'b:b3'])
    const docLabel = { ...result.disagreements[0], kind: 'doc-label' as const, labelSet: 'x' }
    expect(differenceSummary(docLabel, result.names)).toBe('document label differs (x)')
  })
})

describe('the overlay of a long article in the editor', () => {
  it('draws both sets through the annotation plugin, a screen first and the rest pending', () => {
    // 2,000 paragraphs, each with a claim by both analysts; every tenth differs in boundaries.
    const parts: [BlockType, string][] = []
    for (let i = 0; i < 2000; i++) parts.push(['paragraph', `Officials said item ${i} was late.`])
    const document = makeDocument(parts)
    const spans = (who: string, shift: (i: number) => number) =>
      document.blocks.map((b, i) => spanOf(document.text, `${who}${i}`, b.start + shift(i), b.end))
    const sets = {
      ana: { spans: spans('a', () => 15), relations: [], docLabels: {} },
      ben: { spans: spans('b', (i) => (i % 10 === 0 ? 10 : 15)), relations: [], docLabels: {} },
    }
    const schema = defaultSchema()
    const report = computeAgreement(
      { schema, documents: [{ id: 'long', text: document.text, sets }] },
      { analysts: ['ana', 'ben'] },
    )
    const view = compareView(schema, {
      docId: 'long',
      analysts: ['ana', 'ben'],
      names: { ana: 'Ana', ben: 'Ben' },
      sets,
      disagreements: report.disagreements,
    })
    expect(view.differences).toHaveLength(200)
    const state = createArticleState({
      document,
      schema: view.schema,
      initial: view.annotations,
      firstBlocks: 60,
    })
    const st = annotationKey.getState(state)!
    const drawn = st.decorations.find().length
    expect(drawn + st.pending.length).toBe(4000)
    expect(drawn).toBe(120) // the first 60 blocks' two claims each
    const differing = st.decorations.find().filter((d) => d.spec.layer.includes('-x-'))
    expect(differing.map((d) => d.spec.spanId).sort()).toEqual(
      ['a:a0', 'a:a10', 'a:a20', 'a:a30', 'a:a40', 'a:a50', 'b:b0', 'b:b10', 'b:b20', 'b:b30']
        .concat(['b:b40', 'b:b50'])
        .sort(),
    )
  })
})
