import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { snapToWords, wordEdge } from '../../../src/renderer/src/editor/snap'

/** Snaps the part of `text` marked with [ and ] and returns what it selects. */
function snapMarked(marked: string, limits?: { min: number; max: number }): string {
  const start = marked.indexOf('[')
  const end = marked.indexOf(']') - 1
  const text = marked.replace('[', '').replace(']', '')
  const r = snapToWords(text, start, end, limits)
  return text.slice(r.start, r.end)
}

describe('snapToWords', () => {
  it.each([
    ['extends a cut word at both ends', 'The fi[nance minis]ter said', 'finance minister'],
    ['selects the word around a selection inside it', 'The fin[anc]e minister', 'finance'],
    ['trims whitespace at the edges', 'The [ finance ]minister', 'finance'],
    ['trims punctuation at the edges', 'He said [“we will win,”] today', 'we will win'],
    ['keeps punctuation inside', 'A [claim, then] more', 'claim, then'],
    ['keeps an apostrophe inside a word', 'We do[n]’t know', 'don’t'],
    ['keeps an ASCII apostrophe inside a word', "O'Bri[e]n said", "O'Brien"],
    ['joins hyphenated compounds', 'a state-of-[the]-art plan', 'state-of-the-art'],
    ['keeps a decimal number whole', 'fell by 4[.]5 percent', '4.5'],
    ['keeps symbols the user selected', 'costs [$5] more', '$5'],
    ['drops a trailing period', 'the end of [it.]', 'it'],
    ['does not take a trailing possessive apostrophe', 'the [analysts]’ report', 'analysts'],
    ['extends across many words', 'o[ne two three fo]ur', 'one two three four'],
    ['handles Cyrillic', 'Прив[ет, м]ир!', 'Привет, мир'],
    ['handles Devanagari with combining signs', 'नम[स्]ते दुनिया', 'नमस्ते'],
    ['handles Arabic', 'مرحبا بال[عا]لم', 'بالعالم'],
    ['segments Japanese by words, not the whole run', '東京都に[住]んでいます。', '住'],
    ['segments Thai, which has no spaces', 'สวัส[ดี]ครับ', 'สวัสดี'],
    ['selects a whole emoji with its skin tone', 'up [👍]🏽 sharply', '👍🏽'],
    ['selects a ZWJ family emoji whole', 'a 👨‍[👩]‍👧 b', '👨‍👩‍👧'],
    ['keeps an emoji next to a word', 'I [❤️ NY]', '❤️ NY'],
    ['takes the word at a caret', 'one tw[]o three', 'two'],
  ])('%s', (_name, marked, expected) => {
    expect(snapMarked(marked)).toBe(expected)
  })

  it('returns an empty range for a blank selection', () => {
    const r = snapToWords('one   two', 4, 5)
    expect(r.start).toBe(r.end)
  })

  it('keeps non-blank characters when the selection holds no word', () => {
    expect(snapMarked('a [—] b')).toBe('—')
    expect(snapMarked('a [ , ] b')).toBe(',')
  })

  it('never leaves the limits (no crossing into another block)', () => {
    // Two blocks with no gap between them: "Title" [0, 5) and "Body" [5, 9).
    const text = 'TitleBody text'
    expect(snapToWords(text, 6, 7, { min: 5, max: 14 })).toEqual({ start: 5, end: 9 })
    expect(snapToWords(text, 2, 3, { min: 0, max: 5 })).toEqual({ start: 0, end: 5 })
  })

  it('does not cross a block gap it did not already cross', () => {
    const text = 'First para\n\nSecond para'
    expect(snapMarked('First pa[ra\n\nSe]cond para')).toBe('para\n\nSecond')
    const r = snapToWords(text, 8, 10)
    expect(text.slice(r.start, r.end)).toBe('para')
  })

  it('orders a reversed range and clamps out-of-range offsets', () => {
    expect(snapToWords('hello world', 9, 2)).toEqual({ start: 0, end: 11 })
    expect(snapToWords('hello', -5, 50)).toEqual({ start: 0, end: 5 })
  })

  it('always returns a range inside the text that never splits a surrogate pair', () => {
    const alphabet = ['a', 'b', ' ', '-', '’', ',', '.', '\n', '😀', '👍🏽', 'é', '東', 'ไ']
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 30 }),
        fc.nat(),
        fc.nat(),
        (chars, x, y) => {
          const text = chars.join('')
          const a = x % (text.length + 1)
          const b = y % (text.length + 1)
          const r = snapToWords(text, a, b)
          expect(r.start).toBeGreaterThanOrEqual(0)
          expect(r.end).toBeLessThanOrEqual(text.length)
          expect(r.start).toBeLessThanOrEqual(r.end)
          for (const at of [r.start, r.end]) {
            const c = text.charCodeAt(at)
            if (r.start < r.end) expect(c >= 0xdc00 && c <= 0xdfff).toBe(false)
          }
          // No edge whitespace in a non-empty result.
          if (r.start < r.end) expect(/^\s|\s$/.test(text.slice(r.start, r.end))).toBe(false)
        },
      ),
    )
  })
})

describe('wordEdge', () => {
  const text = 'The state-of-the-art plan, said O’Brien, costs 3.5 billion 🇺🇦 now.'
  const at = (s: string) => text.indexOf(s)

  it('steps a range’s start and end a word at a time, both ways', () => {
    // From the start of "said": the start before is "plan", the one after is "O’Brien".
    expect(wordEdge(text, at('said'), -1, 'start')).toBe(at('plan'))
    expect(wordEdge(text, at('said'), 1, 'start')).toBe(at('O’Brien'))
    // From the end of "said": the end before is after "plan", the one after is after "O’Brien".
    const saidEnd = at('said') + 4
    expect(wordEdge(text, saidEnd, -1, 'end')).toBe(at('plan') + 4)
    expect(wordEdge(text, saidEnd, 1, 'end')).toBe(at('O’Brien') + 'O’Brien'.length)
  })

  it('takes hyphenated compounds, numbers and flags as one word each', () => {
    expect(wordEdge(text, at('plan'), -1, 'start')).toBe(at('state'))
    expect(wordEdge(text, at('state'), 1, 'end')).toBe(at('plan') - 1)
    expect(wordEdge(text, at('3.5'), 1, 'end')).toBe(at('3.5') + 3)
    expect(wordEdge(text, at('now'), -1, 'start')).toBe(at('🇺🇦'))
  })

  it('moves to the edge of the word the offset is inside', () => {
    expect(wordEdge(text, at('plan') + 2, -1, 'start')).toBe(at('plan'))
    expect(wordEdge(text, at('plan') + 2, 1, 'end')).toBe(at('plan') + 4)
  })

  it('answers null past the first and last word, and looks far across blank stretches', () => {
    expect(wordEdge(text, at('The'), -1, 'start')).toBeNull()
    expect(wordEdge(text, text.length, 1, 'end')).toBeNull()
    const far = `one${' '.repeat(5000)}two`
    expect(wordEdge(far, 3, 1, 'start')).toBe(far.length - 3)
    expect(wordEdge(far, far.length - 3, -1, 'end')).toBe(3)
  })
})
