// The suggestion worker's results cross to the renderer's thread in parts (each decoded in a task
// of its own, so 25,000 suggestions never arrive as one long structured clone), and SuggestionWorker
// hands the listener the whole result once, in order; parts of a superseded request are dropped.
import { describe, expect, it } from 'vitest'
import type { Suggestion } from '../../../src/shared/suggest'
import {
  resultMessages,
  SUGGESTIONS_PER_MESSAGE,
  type SuggestReply,
} from '../../../src/renderer/src/suggestions/worker/protocol'
import { SuggestionWorker } from '../../../src/renderer/src/suggestions/worker/suggestion-worker'

const fake = (n: number, from = 0): Suggestion[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `sg-${from + i}`,
    kind: 'cue',
    layer: 'cue',
    label: 'Cue',
    start: 0,
    end: 0,
    quote: '',
    attributes: {},
    links: [],
    confidence: 1,
    reason: 'a test',
  }))

/** A stand-in Worker: records requests; `reply` delivers messages as the worker would. */
class FakeWorker {
  onmessage: ((event: MessageEvent<SuggestReply>) => void) | null = null
  onerror: ((event: ErrorEvent) => void) | null = null
  requests: { id: number }[] = []
  postMessage(message: { id: number }) {
    this.requests.push(message)
  }
  terminate() {}
  reply(message: SuggestReply) {
    this.onmessage?.({ data: message } as MessageEvent<SuggestReply>)
  }
}

describe('suggestion results in parts', () => {
  it('splits a large result into messages of at most SUGGESTIONS_PER_MESSAGE', () => {
    const all = fake(2 * SUGGESTIONS_PER_MESSAGE + 500)
    const messages = resultMessages(7, 'rules', all, 12)
    expect(messages.map((m) => m.type)).toEqual(['part', 'part', 'result'])
    for (const m of messages)
      if (m.type !== 'error')
        expect(m.suggestions.length).toBeLessThanOrEqual(SUGGESTIONS_PER_MESSAGE)
    expect(messages.flatMap((m) => (m.type === 'error' ? [] : m.suggestions))).toEqual(all)
    expect(resultMessages(1, 'names', [], 3)).toEqual([
      { type: 'result', id: 1, phase: 'names', suggestions: [], ms: 3 },
    ])
  })

  it('gives the listener each whole result once, and drops a superseded request', () => {
    const worker = new FakeWorker()
    const client = new SuggestionWorker(() => worker as unknown as Worker)
    const heard: { ids: string[]; phase: string }[] = []
    const listener = {
      onResult: (s: Suggestion[], phase: string) => heard.push({ ids: s.map((x) => x.id), phase }),
      onError: (message: string) => heard.push({ ids: [message], phase: 'error' }),
    }
    const job = { text: '', blocks: [], schema: {} as never, entities: [] }
    client.request(job, listener)
    const first = worker.requests[0].id
    const old = resultMessages(first, 'rules', fake(2500), 5, 1000)
    worker.reply(old[0]) // a part of the first request…
    client.request(job, listener) // …which a newer one replaces
    const second = worker.requests[1].id
    for (const m of old.slice(1)) worker.reply(m)
    expect(heard).toEqual([])
    const rules = fake(2300)
    const names = fake(2400, 10_000)
    for (const m of resultMessages(second, 'rules', rules, 5, 1000)) worker.reply(m)
    expect(heard).toEqual([{ ids: rules.map((s) => s.id), phase: 'rules' }])
    for (const m of resultMessages(second, 'names', names, 5, 1000)) worker.reply(m)
    expect(heard[1]).toEqual({ ids: names.map((s) => s.id), phase: 'names' })
    expect(heard).toHaveLength(2)
  })
})
