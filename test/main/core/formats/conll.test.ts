import { describe, expect, it } from 'vitest'
import { conllFormat } from '../../../../src/main/core/formats/conll'
import {
  TOKENISER_DESCRIPTION,
  sentences,
  tokenise,
} from '../../../../src/main/core/formats/tokenise'
import { asText, makeDoc, makeInput, rangeOf } from './fixtures'

const words = (text: string) => tokenise(text).map((t) => t.text)
const lines = (text: string, spans: { start: number; end: number }[] = []) =>
  sentences(text, spans).map((s) => s.map((t) => t.text).join(' '))

/** Every character CPython 3.11's str.isspace() accepts (python3 -c "...isspace()"). */
const PYTHON_SPACES =
  '\t\n\v\f\r\u001c\u001d\u001e\u001f \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005' +
  '\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000'

describe('tokeniser', () => {
  it('splits words and punctuation, keeping marks, emoji modifiers and ZWJ sequences whole', () => {
    const text = 'Café\u0301 said: "no" 👍🏽 👩‍💻 e-mail_x 42.5'
    expect(words(text)).toEqual([
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

  it('keeps a flag and a family ZWJ sequence as one token each (grapheme clusters)', () => {
    expect(words('🇺🇦🇫🇷 and 👨‍👩‍👧‍👦!')).toEqual(['🇺🇦', '🇫🇷', 'and', '👨‍👩‍👧‍👦', '!'])
  })

  it("separates tokens at every character Python's str.isspace() accepts, and never keeps one", () => {
    for (const space of PYTHON_SPACES) {
      expect(words(`one${space}two`), `U+${space.codePointAt(0)!.toString(16)}`).toEqual([
        'one',
        'two',
      ])
    }
    const text = `a${PYTHON_SPACES}b\u200bc`
    const tokens = tokenise(text)
    expect(tokens.map((t) => t.text)).toEqual(['a', 'b\u200bc']) // ZWSP is not space in Python
    expect(tokens[0].ws).toBe(true)
    expect(tokens.every((t) => ![...t.text].some((c) => PYTHON_SPACES.includes(c)))).toBe(true)
  })

  it('keeps initials and common abbreviations with their period', () => {
    expect(words('U.S. Secretary Mr. Blinken, e.g. John F. Kennedy on Jan. 5 at 3 p.m.')).toEqual([
      'U.S.',
      'Secretary',
      'Mr.',
      'Blinken',
      ',',
      'e.g.',
      'John',
      'F.',
      'Kennedy',
      'on',
      'Jan.',
      '5',
      'at',
      '3',
      'p.m.',
    ])
    expect(words('a. the end.')).toEqual(['a', '.', 'the', 'end', '.'])
  })

  it('ends sentences at line breaks of every kind and at . ! ? followed by space', () => {
    expect(lines('One. Two 3.5 now!\nThree\u2028Four\u0085Five\rSix')).toEqual([
      'One .',
      'Two 3 . 5 now !',
      'Three',
      'Four',
      'Five',
      'Six',
    ])
  })

  it('does not end a sentence after an abbreviation or an initial', () => {
    expect(
      lines('U.S. Secretary of State Antony Blinken met Mr. Kim and the U.N. envoy. Then he left.'),
    ).toEqual([
      'U.S. Secretary of State Antony Blinken met Mr. Kim and the U.N. envoy .',
      'Then he left .',
    ])
  })

  it('never ends a sentence inside a span', () => {
    const text = 'He said it.\nNew line. Next one.'
    expect(lines(text)).toEqual(['He said it .', 'New line .', 'Next one .'])
    expect(lines(text, [rangeOf(text, 'it.\nNew')])).toEqual([
      'He said it . New line .',
      'Next one .',
    ])
  })

  it('is described in full by its description', () => {
    expect(TOKENISER_DESCRIPTION).toMatch(/^marginalia-words-v2: .*isspace.*grapheme/)
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
      { ...rangeOf(text, 'it.\nNew'), layer: 'claim', label: 'Claim' }, // crosses a line break
    ],
    [{ from: 0, to: 3 }],
  )
  const out = conllFormat.export(makeInput([doc]))
  const rowsOf = (data: string | Uint8Array) =>
    asText(data)
      .split('\n')
      .filter((l) => l && !l.startsWith('-DOCSTART-'))

  it('writes one BIO file per layer with a DOCSTART and no comment lines', () => {
    expect(out.files.map((f) => f.path)).toEqual(['claim.conll', 'source.conll', 'sentiment.conll'])
    const claim = asText(out.files[0].data).split('\n')
    expect(claim[0]).toBe('-DOCSTART- -X- -X- O')
    expect(claim.some((l) => l.startsWith('#'))).toBe(false)
    const rows = rowsOf(out.files[0].data)
    expect(rows.slice(0, 6)).toEqual([
      'The _ _ O',
      'minister _ _ B-Counter_claim',
      'said _ _ I-Counter_claim',
      'taxes _ _ B-Claim',
      'rise _ _ I-Claim',
      '. _ _ O',
    ])
    // The span across the line break stays one span: one B-, its I-s, no sentence break inside.
    expect(rows.slice(8)).toEqual([
      'it _ _ B-Claim',
      '. _ _ I-Claim',
      'New _ _ I-Claim',
      'line _ _ O',
      'here _ _ O',
    ])
    expect(asText(out.files[1].data)).toContain('Reuters _ _ B-Source')
  })

  it('describes its tokeniser in the manifest', () => {
    expect(out.manifest.tokeniser).toBe(TOKENISER_DESCRIPTION)
  })

  it('writes # header lines only when asked', () => {
    const commented = conllFormat.export({ ...makeInput([doc]), options: { comments: true } })
    const first = asText(commented.files[0].data).split('\n')
    expect(first[0]).toBe(`# tokeniser: ${TOKENISER_DESCRIPTION}`)
    expect(first[1]).toBe('# layer: claim (Claim)')
  })

  it('keeps # tokens as tokens, with the B- of the span that starts there', () => {
    const tagged = '#hashtag trends. #'
    const hashDoc = makeDoc('d2', tagged, [
      { ...rangeOf(tagged, '#hashtag'), layer: 'claim', label: 'Claim' },
    ])
    const rows = rowsOf(conllFormat.export(makeInput([hashDoc])).files[0].data)
    expect(rows).toEqual([
      '# _ _ B-Claim',
      'hashtag _ _ I-Claim',
      'trends _ _ O',
      '. _ _ O',
      '# _ _ O',
    ])
  })

  it('writes exactly one B- per written span', () => {
    const claimRows = rowsOf(out.files[0].data)
    const sourceRows = rowsOf(out.files[1].data)
    const bTags = [...claimRows, ...sourceRows].filter((r) => / B-/.test(r)).length
    expect(bTags).toBe(out.manifest.counts.spans)
  })

  it('reports every span it could not write exactly, never dropping one silently', () => {
    const losses = Object.fromEntries(out.manifest.losses.map((l) => [l.what, l.count]))
    expect(losses).toMatchObject({
      'overlapping spans': 1,
      'spans not aligned to tokens': 1,
      'labels with spaces': 1,
      'span attributes': 1,
      relations: 1,
      'annotator names': 6,
      timestamps: 6,
    })
    expect(losses['spans across sentence ends']).toBeUndefined()
    expect(out.manifest.counts.spans).toBe(4)
  })

  it('writes one layer when asked', () => {
    const one = conllFormat.export({ ...makeInput([doc]), options: { layer: 'source' } })
    expect(one.files.map((f) => f.path)).toEqual(['source.conll'])
    expect(one.manifest.losses.find((l) => l.what === 'spans of other layers')?.count).toBe(4)
  })
})
