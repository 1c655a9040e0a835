import { describe, expect, it } from 'vitest'
import { findQuotations } from '../../../src/shared/suggest/quotes'
import { blocksOf } from './helpers'

const found = (text: string) =>
  findQuotations(text, blocksOf(text)).map((q) => text.slice(q.start, q.end))

describe('quotations', () => {
  it('finds curly, straight, low and guillemet quotations, without trailing commas', () => {
    expect(found('“We will win,” he said.')).toEqual(['We will win'])
    expect(found('"We will win," he said.')).toEqual(['We will win'])
    expect(found('Er sagte: „Wir gewinnen.“')).toEqual(['Wir gewinnen.'])
    expect(found('Elle a dit : « Nous gagnerons », puis est partie.')).toEqual(['Nous gagnerons'])
    expect(found('Er sagte: »Wir gewinnen.«')).toEqual(['Wir gewinnen.'])
  })

  it('pairs a straight opening mark with a curly closing one', () => {
    expect(found('Kim said the deal "will become a force.” Then he left.')).toEqual([
      'will become a force.',
    ])
  })

  it('finds nested quotations and keeps apostrophes out', () => {
    const text = '“He told us, ‘The money isn’t there,’ and left the workers’ room,” she said.'
    expect(found(text)).toEqual([
      'He told us, ‘The money isn’t there,’ and left the workers’ room',
      'The money isn’t there',
    ])
    expect(found('"People said, \'We want homes,\' and left," he said.')).toEqual([
      "People said, 'We want homes,' and left",
      'We want homes',
    ])
  })

  it('runs a quotation over paragraphs when the next one reopens it (wire style)', () => {
    const text = '“First part.\n“Second part,” she said.'
    expect(found(text)).toEqual(['First part.\n“Second part'])
  })

  it('runs a quotation over paragraphs when the next one closes it before opening another', () => {
    const text = 'He said “first part.\nSecond part,” he added.'
    expect(found(text)).toEqual(['first part.\nSecond part'])
  })

  it('ends an unclosed quotation with its paragraph when the next one opens a new quotation', () => {
    const text = 'He called it a “fight against them.\nShe called it a “deal,” and left.'
    expect(found(text)).toEqual(['fight against them.', 'deal'])
  })

  it('drops a quotation that a second opening mark shows was never closed', () => {
    const text = 'Kim said their “fiery friendship is close and promised “full support.”'
    expect(found(text)).toEqual(['full support.'])
  })
})
