import { describe, expect, it } from 'vitest'
import { conllFormat } from '../../../../src/main/core/formats/conll'
import { sentences, tokenise } from '../../../../src/main/core/formats/tokenise'
import { asText, makeDoc, makeInput, rangeOf } from './fixtures'

describe('tokeniser', () => {
  it('splits words and punctuation, keeping marks, emoji modifiers and ZWJ sequences whole', () => {
    const text = 'Café\u0301 said: "no" 👍🏽 👩‍💻 e-mail_x 42.5'
    expect(tokenise(text).map((t) => t.text)).toEqual([
      'Café\u0301',
      'said',
      ':',
      '"',
      'no',
      '"',
      '👍🏽',
      '👩‍💻',
      'e',
      '-',
      'mail_x',
      '42',
      '.',
      '5',
    ])
    for (const t of tokenise(text)) expect(text.slice(t.start, t.end)).toBe(t.text)
  })

  it('ends sentences at line breaks and at . ! ? followed by space', () => {
    const s = sentences('One. Two 3.5 now!\nThree')
    expect(s.map((x) => x.map((t) => t.text).join(' '))).toEqual([
      'One .',
      'Two 3 . 5 now !',
      'Three',
    ])
  })
})

describe('CoNLL export', () => {
  const text = 'The minister said taxes rise. Reuters reported it.\nNew line here'
  const doc = makeDoc(
    'd1',
    text,
    [
      {
        ...rangeOf(text, 'minister said'),
        layer: 'claim',
        label: 'Counter claim',
        attributes: { note: 'x' },
      },
      { ...rangeOf(text, 'said taxes'), layer: 'claim', label: 'Claim' }, // overlaps the first
      { ...rangeOf(text, 'axes ris'), layer: 'claim', label: 'Claim' }, // inside tokens: widened
      { ...rangeOf(text, 'Reuters'), layer: 'source', label: 'Source' },
      { ...rangeOf(text, 'it.\nNew'), layer: 'claim', label: 'Claim' }, // crosses a sentence end
    ],
    [{ from: 0, to: 3 }],
  )
  const out = conllFormat.export(makeInput([doc]))

  it('writes one BIO file per layer with a DOCSTART and the tokeniser header', () => {
    expect(out.files.map((f) => f.path)).toEqual(['claim.conll', 'source.conll', 'sentiment.conll'])
    const claim = asText(out.files[0].data).split('\n')
    expect(claim[0]).toMatch(/^# tokeniser: marginalia-words-v1/)
    expect(claim).toContain('-DOCSTART- -X- -X- O')
    const rows = claim.filter((l) => l && !l.startsWith('#') && !l.startsWith('-DOCSTART-'))
    expect(rows.slice(0, 6)).toEqual([
      'The _ _ O',
      'minister _ _ B-Counter_claim',
      'said _ _ I-Counter_claim',
      'taxes _ _ B-Claim',
      'rise _ _ I-Claim',
      '. _ _ O',
    ])
    expect(rows.slice(8)).toEqual([
      'it _ _ B-Claim',
      '. _ _ I-Claim',
      'New _ _ B-Claim',
      'line _ _ O',
      'here _ _ O',
    ])
    expect(asText(out.files[1].data)).toContain('Reuters _ _ B-Source')
  })

  it('reports every span it could not write exactly, never dropping one silently', () => {
    const losses = Object.fromEntries(out.manifest.losses.map((l) => [l.what, l.count]))
    expect(losses).toMatchObject({
      'overlapping spans': 1,
      'spans not aligned to tokens': 1,
      'spans across sentence ends': 1,
      'labels with spaces': 1,
      'span attributes': 1,
      relations: 1,
    })
    expect(out.manifest.counts.spans).toBe(4)
  })

  it('writes one layer when asked', () => {
    const one = conllFormat.export({ ...makeInput([doc]), options: { layer: 'source' } } as never)
    expect(one.files.map((f) => f.path)).toEqual(['source.conll'])
    expect(one.manifest.losses.find((l) => l.what === 'spans of other layers')?.count).toBe(4)
  })
})
