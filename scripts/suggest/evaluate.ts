// Runs the suggestion engine on one gold article with the options the app uses (compromise names,
// VADER sentiment, the sample's registry for the sample) and scores it: what `npm run eval:suggest`
// prints and what test/shared/suggest/quality.test.ts holds to the targets.
import { fileURLToPath } from 'node:url'
import { ProjectStore } from '../../src/main/core/storage'
import { defaultSchema } from '../../src/shared/default-schema'
import type { Entity } from '../../src/shared/model'
import type { Suggestion } from '../../src/shared/suggest'
import { nameMentions, suggest } from '../../src/shared/suggest'
import { nlpOptions } from '../../src/shared/suggest-nlp'
import type { GoldDoc } from '../../test/fixtures/suggest/gold'
import { loadGold } from '../../test/fixtures/suggest/gold'
import type { Counts, DocScore } from './score'
import { scoreDoc, scoreNames } from './score'

const SAMPLE = 'russia-north-korea-alliance'

const SAMPLE_PROJECT = fileURLToPath(new URL('../../resources/sample-project', import.meta.url))

let sampleEntities: Promise<Entity[]> | null = null

/**
 * The registry an article is suggested with: the sample's own entities for the sample (read as the
 * app reads the project: its entities live in change files, not in project.json), none otherwise.
 */
function entitiesFor(name: string): Promise<Entity[]> {
  if (name !== SAMPLE) return Promise.resolve([])
  sampleEntities ??= (async () => {
    const store = await ProjectStore.open(SAMPLE_PROJECT, { lock: false })
    try {
      return store.project.entities
    } finally {
      await store.close()
    }
  })()
  return sampleEntities
}

export interface Evaluation {
  doc: GoldDoc
  suggestions: Suggestion[]
  score: DocScore
  names: { typed: Counts; any: Counts }
}

/**
 * Suggestions for the gold article `name`, scored; `nlp: false` leaves compromise and the sentiment
 * lexicon out (rules and the registry only), to compare.
 */
export async function evaluateGold(name: string, nlp = true): Promise<Evaluation> {
  const doc = loadGold(name)
  const input = {
    text: doc.text,
    blocks: doc.blocks,
    schema: defaultSchema(),
    entities: await entitiesFor(name),
  }
  const options = nlp ? nlpOptions(doc.blocks) : {}
  const suggestions = suggest(input, options)
  return {
    doc,
    suggestions,
    score: scoreDoc(doc, suggestions),
    names: scoreNames(doc, nameMentions(input, options)),
  }
}
