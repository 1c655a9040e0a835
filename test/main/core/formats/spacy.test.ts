// Each line of the spaCy / Prodigy export is byte for byte what JSON.stringify writes for its
// record, with U+0085, U+2028 and U+2029 escaped, on text that needs every kind of escape; its
// tokens are the tokeniser's, in code points, with their keys in Prodigy's order.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { exportFormats } from '../../../../src/main/core/formats'
import { tokenise } from '../../../../src/main/core/formats/tokenise'
import { TRICKY_TEXT, asText, makeDoc, makeInput, pySlice, rangeOf } from './fixtures'

const HOSTILE =
  `${TRICKY_TEXT} A "quoted" back\\slash, tab\there, \u0007bell, \u2028line sep\u2029 para ` +
  '\u0085next, \u000cform feed, 🇫🇷 flag, 👩‍👩‍👧 family, שלום עולם, lone\rCR end.'

/** The record JSON.stringify would write for a line, parsed back: the keys in the line's order. */
function restringified(line: string): string {
  return JSON.stringify(JSON.parse(line)).replace(
    /[\u0085\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

describe('spaCy export lines', () => {
  const quotes = ['"quoted"', 'flag', 'שלום', 'line sep']
  const spans = quotes.map((q, i) => ({
    ...rangeOf(HOSTILE, q),
    layer: i === 1 ? 'source' : 'claim',
    label: i === 1 ? 'Source' : 'Claim',
  }))
  const docs = [makeDoc('d1', HOSTILE, spans, [{ from: 0, to: 1 }]), makeDoc('d2', 'Short.', [])]
  const output = exportFormats.spacy.export(makeInput(docs))
  const lines = asText(output.files[0].data).split('\n').slice(0, -1)

  it('are exactly what JSON.stringify writes for each record, escapes and all', () => {
    expect(lines).toHaveLength(2)
    for (const line of lines) expect(line).toBe(restringified(line))
    expect(lines[0]).toContain('\\u2028line sep\\u2029')
    expect(lines[0]).not.toMatch(/[\u0085\u2028\u2029]/)
  })

  it('hold the record in its order, each token as {text, start, end, id, ws} in code points', () => {
    for (const [n, line] of lines.entries()) {
      const record = JSON.parse(line)
      expect(Object.keys(record)).toEqual(['text', 'tokens', 'spans', 'relations', 'meta'])
      const text = docs[n].document.text
      expect(record.text).toBe(text)
      expect(record.tokens).toEqual(
        tokenise(text).map((t, id) => ({
          text: t.text,
          start: Array.from(text.slice(0, t.start)).length,
          end: Array.from(text.slice(0, t.end)).length,
          id,
          ws: t.ws,
        })),
      )
      for (const token of record.tokens) {
        expect(Object.keys(token)).toEqual(['text', 'start', 'end', 'id', 'ws'])
        expect(pySlice(text, token.start, token.end)).toBe(token.text)
      }
    }
    expect(JSON.parse(lines[0]).spans.map((s: { layer: string }) => s.layer)).toEqual([
      'claim',
      'source',
      'claim',
      'claim',
    ])
  })
})

describe('spaCy token offsets on hostile text', () => {
  it('count code points before each token, lone surrogates and pairs made of two units included', () => {
    // The tokeniser's fixed corpus (tokenise.test.ts): emoji, flags, ZWJ, marks, lone surrogates.
    const corpus = JSON.parse(
      readFileSync(new URL('../../../fixtures/tokenise-corpus.json', import.meta.url), 'utf8'),
    ) as { text: string }[]
    const docs = corpus.map(({ text }, n) => makeDoc(`c${n}`, text, []))
    const output = exportFormats.spacy.export(makeInput(docs))
    const lines = asText(output.files[0].data).split('\n').slice(0, -1)
    expect(lines).toHaveLength(docs.length)
    for (const [n, line] of lines.entries()) {
      const text = docs[n].document.text
      const codePoints = (utf16: number) => Array.from(text.slice(0, utf16)).length
      expect(JSON.parse(line).tokens).toEqual(
        tokenise(text).map((t, id) => ({
          text: t.text,
          start: codePoints(t.start),
          end: codePoints(t.end),
          id,
          ws: t.ws,
        })),
      )
    }
  })
})
