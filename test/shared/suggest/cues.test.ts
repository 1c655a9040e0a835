import { describe, expect, it } from 'vitest'
import { quotes, run } from './helpers'

const cues = (text: string, heading = false) => quotes(run(text, { heading }), 'cue')

describe('cues', () => {
  it('finds reporting verbs in all their forms and multi-word cues as one span', () => {
    expect(cues('Officials said the talks failed.')).toEqual(['said'])
    expect(cues('She says the plan works.')).toEqual(['says'])
    expect(cues('Blinken told reporters the war would go on.')).toEqual(['told reporters'])
    expect(cues('Kim was quoted as saying the deal was historic.')).toEqual([
      'was quoted as saying',
    ])
    expect(cues('The ministry said in a statement that prices rose.')).toEqual([
      'said in a statement',
    ])
    expect(cues('Prices rose, according to official data.')).toEqual(['according to'])
    expect(cues('The union denied that talks had failed.')).toEqual(['denied'])
    expect(cues('The army warned that the border would close.')).toEqual(['warned'])
    expect(cues('The firm announced that it would cut jobs.')).toEqual(['announced'])
    expect(cues('The group claimed that the vote was rigged.')).toEqual(['claimed'])
  })

  it('does not propose a cue inside a quotation', () => {
    expect(cues('“He said no and left,” Dekker said.')).toEqual(['said'])
    const text = '“He said no and left,” Dekker said.'
    expect(run(text).find((s) => s.kind === 'cue')!.start).toBe(text.lastIndexOf('said'))
  })

  it('proposes cues in headlines', () => {
    expect(cues('Ministers say river deal is close\nThe talks went on.', true)).toEqual(['say'])
  })

  it('skips nouns, infinitives, passives, negations and names', () => {
    expect(cues('A recent report by the institute was published.')).toEqual([])
    expect(cues('The claims were false.')).toEqual([])
    expect(cues('The minister declined to say whether talks would resume.')).toEqual([])
    expect(cues('The deal was announced on Monday.')).toEqual([])
    expect(cues('The minister did not say when talks would resume.')).toEqual([])
    expect(cues('U.S. Secretary of State Antony Blinken arrived.')).toEqual([])
    expect(cues('The plan went according to plan.')).toEqual([])
  })

  it('needs evidence for weak verbs: "that", a quotation, or an inverted clause', () => {
    expect(cues('The index added 3 points.')).toEqual([])
    expect(cues('The index rose, the bank added.')).toEqual(['added'])
    expect(cues('She noted, however, that the talks would resume.')).toEqual(['noted'])
    expect(cues('He called the deal a “historic step.”')).toEqual(['called'])
    expect(cues('He called the ministry on Monday.')).toEqual([])
  })
})
