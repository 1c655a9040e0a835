import { defaultSchema } from '../../../src/shared/default-schema'
import type { Block, Entity } from '../../../src/shared/model'
import type { Suggestion, SuggestOptions } from '../../../src/shared/suggest'
import { suggest } from '../../../src/shared/suggest'

/** Blocks of a text: paragraphs split on blank lines; `heading` makes the first one a headline. */
export function blocksOf(text: string, heading = false): Block[] {
  const out: Block[] = []
  const re = /[^\n]+/g
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const first = heading && out.length === 0
    out.push({ type: first ? 'heading' : 'paragraph', start: m.index, end: m.index + m[0].length })
  }
  return out
}

export function run(
  text: string,
  opts: SuggestOptions & { entities?: Entity[]; heading?: boolean } = {},
): Suggestion[] {
  return suggest(
    {
      text,
      blocks: blocksOf(text, opts.heading),
      schema: defaultSchema(),
      entities: opts.entities ?? [],
    },
    opts,
  )
}

export const quotes = (s: Suggestion[], kind: Suggestion['kind']) =>
  s.filter((x) => x.kind === kind).map((x) => x.quote)

/** The quotes of the suggestions `from` links to with `type`. */
export function linked(all: Suggestion[], from: Suggestion | undefined, type: string): string[] {
  return (from?.links ?? [])
    .filter((l) => l.type === type)
    .map((l) => all.find((s) => s.id === l.suggestionId)?.quote ?? '?')
}
