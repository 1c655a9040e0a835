import { describe, expect, it } from 'vitest'
import type { Entity } from '../../../src/shared/model'
import { linked, run } from './helpers'

const claimOf = (text: string, cue: string) => {
  const all = run(text)
  const c = all.find((s) => s.kind === 'cue' && s.quote === cue)
  const [claim] = linked(all, c, 'cue_of')
  const claimS = all.find((s) => s.quote === claim && (s.kind === 'claim' || s.kind === 'quote'))
  return { claim, sources: linked(all, claimS, 'attributed_to'), claimS, all }
}

describe('speakers and claims', () => {
  it('takes the subject of the verb with its title whole', () => {
    const r = claimOf(
      'In Washington, U.S. Secretary of State Antony Blinken said the visit showed desperation.',
      'said',
    )
    expect(r.sources).toEqual(['U.S. Secretary of State Antony Blinken'])
    expect(r.claim).toBe('the visit showed desperation')
  })

  it('reads inverted attributions: “…,” X said / …, X said / said X', () => {
    expect(claimOf('“The deal is done,” Putin said after the meeting.', 'said')).toMatchObject({
      claim: 'The deal is done',
      sources: ['Putin'],
    })
    expect(claimOf('Talks will resume on Friday, the ministry said.', 'said')).toMatchObject({
      claim: 'Talks will resume on Friday',
      sources: ['the ministry'],
    })
    expect(
      claimOf('“We are patient,” said Marieke Dekker, the chairwoman of the union.', 'said'),
    ).toMatchObject({
      claim: 'We are patient',
      sources: ['Marieke Dekker, the chairwoman of the union'],
    })
  })

  it('takes the noun phrase after "according to", named or not', () => {
    expect(
      claimOf('Prices rose 4%, according to Russian state news agency TASS.', 'according to'),
    ).toMatchObject({ claim: 'Prices rose 4%', sources: ['Russian state news agency TASS'] })
    const anon = claimOf(
      'According to people familiar with the talks, the deal is close.',
      'According to',
    )
    expect(anon).toMatchObject({
      claim: 'the deal is close',
      sources: ['people familiar with the talks'],
    })
    const source = anon.all.find((s) => s.kind === 'source')!
    expect(source.attributes['kind']).toBe('anonymous')
    expect(source.entityId).toBeUndefined()
  })

  it('resolves a pronoun speaker to the nearest fitting named speaker', () => {
    const text =
      'Economy Minister Sanne Vos said the state would not step in. She warned that firms were suffering.'
    const all = run(text)
    const she = all.find((s) => s.kind === 'source' && s.quote === 'She')!
    expect(all.find((s) => s.id === she.refersTo)?.quote).toBe('Economy Minister Sanne Vos')
    expect(she.attributes['kind']).toBe('person')
  })

  it('gives a pronoun the registry entity of the speaker it stands for', () => {
    const entities: Entity[] = [
      { id: 'e-putin', name: 'Vladimir Putin', kind: 'person', aliases: ['Putin'], note: '' },
    ]
    const all = run('Putin said the talks went well. He added that Kim would visit.', { entities })
    const he = all.find((s) => s.kind === 'source' && s.quote === 'He')!
    expect(he.entityId).toBe('e-putin')
    expect(all.find((s) => s.kind === 'source' && s.quote === 'Putin')!.entityId).toBe('e-putin')
  })

  it('marks quotations as direct and clauses as indirect, with the cue’s stance', () => {
    const all = run('“We won,” she said. The party denied that it had lost votes.')
    const quote = all.find((s) => s.kind === 'quote')!
    expect(quote.links[0].attributes).toEqual({ attribution: 'direct_quote', stance: 'asserts' })
    const claim = all.find((s) => s.kind === 'claim')!
    expect(claim.quote).toBe('it had lost votes')
    expect(claim.links[0].attributes).toEqual({ attribution: 'indirect', stance: 'denies' })
  })

  it('shares one claim between "said" and an inserted "according to"', () => {
    const r = claimOf(
      'Putin said, according to Russian news agency TASS, Russia would not rule it out.',
      'said',
    )
    expect(r.claim).toBe('Russia would not rule it out')
    expect(r.sources).toEqual(['Putin', 'Russian news agency TASS'])
  })

  it('gives a follow-on quotation the speaker of the quotation before it', () => {
    const all = run('“We are patient,” said Dekker. “But the operators left us no choice.”')
    const second = all.find((s) => s.quote === 'But the operators left us no choice.')!
    expect(linked(all, second, 'attributed_to')).toEqual(['Dekker'])
  })
})
