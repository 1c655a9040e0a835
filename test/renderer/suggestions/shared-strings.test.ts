// The suggestions a structured clone brings are pointed at shared copies of their strings
// (shared-strings.ts): what they say must not change.
import { describe, expect, it } from 'vitest'
import { SharedStrings } from '../../../src/renderer/src/suggestions/worker/shared-strings'
import { defaultSchema } from '../../../src/shared/default-schema'
import { suggest } from '../../../src/shared/suggest'

const TEXT =
  'Kim said the “deal 😀 is historic” on Tuesday. Talks will resume, the ministry said. ' +
  '“We won,” said Dekker. According to the bank, prices will rise, a terrible crisis.'

/** The engine's suggestions for `text`, one paragraph per sentence. */
function run(text: string) {
  const blocks = [...text.matchAll(/[^.]+\./g)].map((m) => ({
    type: 'paragraph' as const,
    start: m.index,
    end: m.index + m[0].length,
  }))
  return suggest({ text, blocks, schema: defaultSchema(), entities: [] })
}

describe('shared strings of arriving suggestions', () => {
  it('leaves every suggestion as the engine made it', () => {
    const made = run(TEXT)
    expect(made.length).toBeGreaterThan(5)
    const arrived = structuredClone(made)
    const strings = new SharedStrings(TEXT)
    for (const s of arrived) strings.share(s)
    expect(arrived).toEqual(made)
    for (const s of arrived) {
      expect(TEXT.slice(s.start, s.end)).toBe(s.quote)
      // Nothing added: an absent field stays absent.
      expect(Object.keys(s)).toEqual(Object.keys(made[arrived.indexOf(s)]))
    }
  })

  it('keeps a quote that is not the text at its offsets as it came', () => {
    const [s] = structuredClone(run(TEXT))
    const odd = { ...s, quote: 'not the text' }
    new SharedStrings(TEXT).share(odd)
    expect(odd.quote).toBe('not the text')
  })
})
