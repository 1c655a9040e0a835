// Runs the suggestion engine on one gold article with the options the app uses (compromise names,
// VADER sentiment, the sample's registry for the sample) and scores it: what `npm run eval:suggest`
// prints and what test/shared/suggest/quality.test.ts holds to the targets.
import { readFileSync } from 'node:fs'
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

let sampleEntities: Entity[] | null = null
function entitiesFor(name: string): Entity[] {
  if (name !== SAMPLE) return []
  sampleEntities ??= (
    JSON.parse(
      readFileSync(new URL('../../resources/sample-project/project.json', import.meta.url), 'utf8'),
    ) as { entities: Entity[] }
  ).entities
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
export function evaluateGold(name: string, nlp = true): Evaluation {
  const doc = loadGold(name)
  const input = {
    text: doc.text,
    blocks: doc.blocks,
    schema: defaultSchema(),
    entities: entitiesFor(name),
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
