import { describe, expect, it } from 'vitest'
import { defaultSchema } from '../../../src/shared/default-schema'
import type { Annotations } from '../../../src/shared/model'
import { zAnnotationSchema } from '../../../src/shared/model'
import {
  feedbackCounts,
  filterSuggestions,
  lexiconOf,
  suggest,
  tuneLexicon,
} from '../../../src/shared/suggest'
import { blocksOf, quotes, run } from './helpers'

const TEXT =
  'Kim said the “deal 😀 is historic” on Tuesday. Talks will resume, the ministry said. ' +
  '“We won,” said Dekker.'

describe('suggestion API', () => {
  it('gives exact UTF-16 offsets and ids that are stable and unique', () => {
    const a = run(TEXT)
    for (const s of a) expect(TEXT.slice(s.start, s.end)).toBe(s.quote)
    expect(new Set(a.map((s) => s.id)).size).toBe(a.length)
    expect(run(TEXT).map((s) => s.id)).toEqual(a.map((s) => s.id))
    for (const s of a) expect(s.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/)
    // the same sentence elsewhere keeps its id when unrelated text is added far away
    const moved = run(`${'Filler words here. '.repeat(10)}\n${TEXT}`)
    const said = a.find((s) => s.quote === 'the ministry')!
    expect(moved.find((s) => s.quote === 'the ministry')!.id).toBe(said.id)
  })

  it('filters suggestions already annotated and rejected, re-pointing links to existing spans', () => {
    const all = run(TEXT)
    const source = all.find((s) => s.quote === 'the ministry')!
    const claim = all.find((s) => s.quote === 'Talks will resume')!
    const annotations: Annotations = {
      spans: [
        {
          id: 'span-1',
          layer: 'source',
          label: 'Source',
          start: source.start,
          end: source.end,
          quote: { exact: source.quote, prefix: '', suffix: '' },
          attributes: {},
          annotator: 'a',
          createdAt: '2024-01-01T00:00:00.000Z',
          updatedAt: '2024-01-01T00:00:00.000Z',
        },
      ],
      relations: [],
      docLabels: {},
    }
    const cue = all.find((s) => s.quote === 'said' && s.start > source.start)!
    const kept = filterSuggestions(all, { annotations, rejected: [cue.id] })
    expect(kept.find((s) => s.id === source.id)).toBeUndefined()
    expect(kept.find((s) => s.id === cue.id)).toBeUndefined()
    expect(kept.find((s) => s.id === claim.id)!.links).toEqual([
      { type: 'attributed_to', spanId: 'span-1', attributes: claim.links[0].attributes },
    ])
  })

  it('keeps an open suggestion whose links stay as they are, rather than a copy of it', () => {
    const all = run(TEXT)
    const kept = filterSuggestions(all)
    expect(kept).toEqual(all)
    // The workbench holds every open entry beside the engine's set for as long as the document
    // is open: a copy of each would double the suggestions' memory.
    kept.forEach((s, i) => expect(s).toBe(all[i]))
  })

  it('reads the lexicon from the schema and switches off a cue rejected three times', () => {
    const text = 'The bank estimated that prices would rise.'
    expect(quotes(run(text), 'cue')).toEqual(['estimated'])
    const decisions = Array.from({ length: 3 }, () => ({
      suggestion: { kind: 'cue' as const, lexiconKey: 'estimate' },
      accepted: false,
    }))
    const counts = feedbackCounts(decisions)
    expect(tuneLexicon(undefined, { estimate: { accepted: 0, rejected: 2 } }).changes).toEqual([])
    const { settings, changes } = tuneLexicon(undefined, counts)
    expect(changes).toEqual([{ phrase: 'estimate', enabled: false, accepted: 0, rejected: 3 }])
    const schema = { ...defaultSchema(), suggestions: settings }
    expect(zAnnotationSchema.parse(schema).suggestions).toEqual(settings)
    const after = suggest({ text, blocks: blocksOf(text), schema, entities: [] })
    expect(after.filter((s) => s.kind === 'cue')).toEqual([])
    // accepted more often later: switched back on
    const again = tuneLexicon(settings, { estimate: { accepted: 5, rejected: 3 } })
    expect(lexiconOf(again.settings).cues.some((c) => c.key === 'estimate')).toBe(true)
  })

  it('lets a schema add a cue with its forms', () => {
    const text = 'The minister quipped that the budget was a joke.'
    expect(quotes(run(text), 'cue')).toEqual([])
    const lexicon = lexiconOf({ cues: [{ phrase: 'quip' }] })
    expect(quotes(run(text, { lexicon }), 'cue')).toEqual(['quipped'])
  })

  it('proposes sentiment from a valence lexicon, as low priority', () => {
    const valence = new Map([
      ['lavish', 2.1],
      ['disaster', -3.1],
      ['welcome', 2.0],
    ])
    const all = run(
      'Kim held a lavish ceremony. Critics called it a disaster. It was not welcome.',
      {
        valence,
      },
    )
    const s = all.filter((x) => x.kind === 'sentiment')
    expect(s.map((x) => [x.quote, x.attributes['polarity']])).toEqual([
      ['lavish', 'positive'],
      ['disaster', 'negative'],
      ['not welcome', 'negative'],
    ])
    expect(Math.max(...s.map((x) => x.confidence))).toBeLessThan(0.5)
  })
})
