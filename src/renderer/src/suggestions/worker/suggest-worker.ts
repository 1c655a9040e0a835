// The suggestion engine's Web Worker: the rules run here, off the renderer's main thread, so the
// article stays responsive while a long document is analysed. Two phases per request: the rules
// (posted at once), then compromise's names paragraph by paragraph, in steps that let a newer
// request (another document, a schema change) cancel the rest. Paragraphs already tagged are
// remembered, so computing a document again tags nothing twice.
import { suggest, type Suggestion } from '../../../../shared/suggest'
import { BlockNames, vaderValence } from '../../../../shared/suggest-nlp'
import { resultMessages, type SuggestReply, type SuggestRequest } from './protocol'

/** Longest run of tagging between two looks at the message queue. */
const STEP_MS = 25

const names = new BlockNames()
let latest = 0

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<SuggestRequest>) => void) | null
  postMessage(message: SuggestReply): void
}

scope.onmessage = (event) => {
  latest = event.data.id
  run(event.data).catch((error: unknown) =>
    scope.postMessage({
      type: 'error',
      id: event.data.id,
      message: error instanceof Error ? error.message : String(error),
    }),
  )
}

async function run(req: SuggestRequest): Promise<void> {
  const input = { text: req.text, blocks: req.blocks, schema: req.schema, entities: req.entities }
  const valence = vaderValence()
  let t0 = performance.now()
  const rules = suggest(input, { valence })
  post(req.id, 'rules', rules, ms(t0))

  t0 = performance.now()
  let step = performance.now()
  for (const block of req.blocks) {
    if (names.known(req.text, block)) continue
    names.block(req.text, block)
    if (performance.now() - step > STEP_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0))
      if (latest !== req.id) return
      step = performance.now()
    }
  }
  const full = suggest(input, { valence, findNames: names.finder(req.blocks) })
  post(req.id, 'names', full, ms(t0))
}

/** Posts a phase's suggestions in parts (see SuggestReply), the last as the `result`. */
function post(id: number, phase: 'rules' | 'names', suggestions: Suggestion[], took: number): void {
  for (const message of resultMessages(id, phase, suggestions, took)) scope.postMessage(message)
}

function ms(t0: number): number {
  return Math.round(performance.now() - t0)
}
