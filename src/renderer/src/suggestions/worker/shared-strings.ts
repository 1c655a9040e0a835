// Suggestions cross from the worker by structured clone, which copies every string of every
// suggestion: the 1 MB article's 24,000 suggestions arrived with ~150,000 copies of a few hundred
// values (kinds, layers, labels, link types, attribute values, reasons such as "\"say\" in the cue
// lexicon"), and each quote apart from the article's text it is a part of. They stay in the page for
// as long as the document is open, so each is pointed at one shared copy as it arrives: the
// repeated values at the first of their kind, the quote at the document's text (a slice of a long
// string refers to it rather than copying it). The values do not change, only where they live.
import type { AttributeValue } from '../../../../shared/model'
import type { Suggestion } from '../../../../shared/suggest'

/** One copy of each repeated string among the suggestions of a document. */
export class SharedStrings {
  readonly #table = new Map<string, string>()

  /** `text`: the document the suggestions were computed from (their quotes are parts of it). */
  constructor(private readonly text: string) {}

  /** Points `s`'s strings at the shared copies (in place: `s` came from a structured clone). */
  share(s: Suggestion): void {
    s.kind = this.#one(s.kind)
    s.layer = this.#one(s.layer)
    s.label = this.#one(s.label)
    s.reason = this.#one(s.reason)
    if (s.lexiconKey !== undefined) s.lexiconKey = this.#one(s.lexiconKey)
    if (s.nameType !== undefined) s.nameType = this.#one(s.nameType)
    if (s.entityId !== undefined) s.entityId = this.#one(s.entityId)
    this.#attributes(s.attributes)
    for (const link of s.links) {
      link.type = this.#one(link.type)
      this.#attributes(link.attributes)
    }
    const quote = this.text.slice(s.start, s.end)
    if (quote === s.quote) s.quote = quote
  }

  #attributes(attributes: Record<string, AttributeValue>): void {
    for (const key in attributes) {
      const value = attributes[key]
      if (typeof value === 'string') attributes[key] = this.#one(value)
    }
  }

  #one<T extends string>(value: T): T {
    const known = this.#table.get(value)
    if (known !== undefined) return known as T
    this.#table.set(value, value)
    return value
  }
}
