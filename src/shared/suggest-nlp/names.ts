// Names from compromise (MIT; a rule-and-lexicon English tagger that ships its own small lexicon
// and runs offline, in Node and in a Web Worker alike): people, organisations and places, as the
// suggestion engine's NameFinder. Compared with wink-nlp's bundled English model, compromise types
// its names (wink-nlp's lite model tags entities such as dates and numbers, not people or
// organisations), which is what telling a person's "he said" from an organisation's needs.
import nlp from 'compromise'
import type { NameFinder, NameMention } from '../suggest'

interface Match {
  offset: { start: number; length: number }
}

// compromise keeps the punctuation and possessive that follow a term inside its match.
const TRAILING = /(?:['’]s|['’]|[\s.,;:!?)"”»\]-])+$/u
const LEADING = /^[\s("“«[]+/u

/** The mentions of one kind in `doc`, trimmed to the name itself, offset by `base`. */
function mentions(list: { json(o: object): unknown }, type: NameMention['type'], text: string) {
  const out: NameMention[] = []
  for (const m of list.json({ offset: true }) as Match[]) {
    let start = m.offset.start
    let end = start + m.offset.length
    const raw = text.slice(start, end)
    const lead = LEADING.exec(raw)?.[0].length ?? 0
    const trail = TRAILING.exec(raw)?.[0].length ?? 0
    start += lead
    end -= trail
    if (end - start >= 2) out.push({ start, end, type })
  }
  return out
}

/** People, organisations and places compromise finds in `text` (UTF-16 offsets into it). */
export const compromiseNames: NameFinder = (text) => {
  const doc = nlp(text)
  return [
    ...mentions(doc.people(), 'person', text),
    ...mentions(doc.organizations(), 'organisation', text),
    ...mentions(doc.places(), 'place', text),
  ].sort((a, b) => a.start - b.start || b.end - a.end)
}

/** Paragraphs remembered by a BlockNames before it starts afresh. */
const CACHE_LIMIT = 20_000

/**
 * compromise over a document paragraph by paragraph (a paragraph gives it the context to tell
 * "Marieke Dekker" is a person; a bare phrase does not), remembering each paragraph's names so
 * that computing a document's suggestions again (a registry or lexicon change) tags nothing twice.
 * compromise costs ~10 ms per KB on a quiet machine, so the Web Worker runs it in steps after the
 * rules (see `step`), and the command line at once (`finder`).
 */
export class BlockNames {
  #cache = new Map<string, NameMention[]>()

  /** `limit`: paragraphs remembered (0 remembers none, for a benchmark of repeated text). */
  constructor(
    private readonly tag: NameFinder = compromiseNames,
    private readonly limit = CACHE_LIMIT,
  ) {}

  /** The names of one block of `text`, tagging it unless a block of the same text was. */
  block(text: string, block: { start: number; end: number }): NameMention[] {
    const slice = text.slice(block.start, block.end)
    let found = this.#cache.get(slice)
    if (!found) {
      if (this.#cache.size >= this.limit) this.#cache = new Map()
      found = /\p{Lu}/u.test(slice) ? this.tag(slice) : []
      if (this.limit > 0) this.#cache.set(slice, found)
    }
    return found.map((m) => ({ ...m, start: m.start + block.start, end: m.end + block.start }))
  }

  /** Whether the block's names are known already (no tagging needed). */
  known(text: string, block: { start: number; end: number }): boolean {
    return this.#cache.has(text.slice(block.start, block.end))
  }

  /** A NameFinder over the blocks of one document, for suggest(). */
  finder(blocks: readonly { start: number; end: number }[]): NameFinder {
    return (text) => blocks.flatMap((b) => this.block(text, b))
  }
}
