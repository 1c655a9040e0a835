import { describe, expect, it } from 'vitest'
import { defaultSchema } from '../../../src/shared/default-schema'
import type { Annotations, Relation, Span } from '../../../src/shared/model'
import { isUnsourcedClaim, unsourcedClaimIds } from '../../../src/renderer/src/panel/unsourced'

const T = '2025-01-01T00:00:00.000Z'
const span = (id: string, layer: string): Span => ({
  id,
  layer,
  label: layer,
  start: 0,
  end: 1,
  quote: { exact: 'x', prefix: '', suffix: '' },
  attributes: {},
  annotator: '',
  createdAt: T,
  updatedAt: T,
})
const rel = (type: string, from: string, to: string): Relation => ({
  id: `${from}-${to}`,
  type,
  from,
  to,
  attributes: {},
  annotator: '',
  createdAt: T,
  updatedAt: T,
})

describe('unsourcedClaimIds', () => {
  it('flags claims with no attribution relation, by the schema’s frame roles', () => {
    const annotations: Annotations = {
      spans: [span('c1', 'claim'), span('c2', 'claim'), span('s', 'source'), span('q', 'cue')],
      relations: [rel('attributed_to', 'c1', 's'), rel('cue_of', 'q', 'c2')],
      docLabels: {},
    }
    expect([...unsourcedClaimIds(defaultSchema(), annotations)]).toEqual(['c2'])
    const renamed = {
      ...defaultSchema(),
      frame: { claimLayer: 'source', sourceLayer: 'claim', attribution: 'attributed_to' },
    }
    expect([...unsourcedClaimIds(renamed, annotations)]).toEqual(['s'])
  })

  it('says of one span what the whole-document rule says of it', () => {
    const annotations: Annotations = {
      spans: [span('c1', 'claim'), span('c2', 'claim'), span('s', 'source'), span('q', 'cue')],
      relations: [rel('attributed_to', 'c1', 's'), rel('cue_of', 'q', 'c2')],
      docLabels: {},
    }
    const renamed = {
      ...defaultSchema(),
      frame: { claimLayer: 'source', sourceLayer: 'claim', attribution: 'attributed_to' },
    }
    for (const schema of [defaultSchema(), renamed]) {
      const all = unsourcedClaimIds(schema, annotations)
      for (const s of annotations.spans)
        expect(isUnsourcedClaim(schema, annotations, s)).toBe(all.has(s.id))
    }
  })
})
