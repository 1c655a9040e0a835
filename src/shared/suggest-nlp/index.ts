// The libraries behind the suggestion engine's hooks, kept out of its library-free core
// (src/shared/suggest): compromise for typed names and VADER's lexicon for sentiment. The Web
// Worker, the command line and the evaluation all take their options from here, so every
// caller proposes the same suggestions.
import type { Block } from '../model'
import type { SuggestOptions } from '../suggest'
import { BlockNames } from './names'
import { vaderValence } from './valence'

export { BlockNames, compromiseNames } from './names'
export { vaderValence } from './valence'

const shared = new BlockNames()

/** `findNames` (compromise, paragraph by paragraph) and `valence` (VADER) for one document. */
export function nlpOptions(
  blocks: readonly Block[],
  names: BlockNames = shared,
): Pick<SuggestOptions, 'findNames' | 'valence'> {
  return { findNames: names.finder(blocks), valence: vaderValence() }
}
