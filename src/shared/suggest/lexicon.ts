// The cue lexicon: reporting verbs and phrases ("said", "told reporters", "according to"), built in
// and extended or overridden by the project schema's `suggestions` block, so analysts can add a
// verb their outlet uses or switch one off. Feedback (accepted / rejected counts per entry) tunes it.
import type { CueEntry, SuggestionSettings } from '../model'
import { phraseForms } from './inflect'

/** Rejections (more than acceptances) after which an entry stops being proposed. */
export const DEFAULT_REJECT_LIMIT = 3

/** A compiled lexicon entry. */
export interface LexiconEntry {
  /** Normalised phrase: the key for feedback and overrides. */
  key: string
  /** Surface forms, lower case, words separated by one space. */
  forms: string[]
  stance: string
  /** Where the speaker is: the subject (before), or the noun phrase after ("according to"). */
  speaker: 'subject' | 'object'
  /** Proposed only when a quotation follows in the sentence ("called it “a disgrace”"). */
  quoteOnly: boolean
  /** How sure a match is, before context rules. */
  confidence: number
}

export interface Lexicon {
  cues: LexiconEntry[]
  rejectLimit: number
}

type Builtin = [phrase: string, stance?: string, options?: Partial<CueEntry>]

// Reporting verbs of news attribution (PARC-style), with the stance they usually carry.
const BUILTIN: Builtin[] = [
  ['say'],
  ['tell'],
  ['tell reporters'],
  ['tell journalists'],
  ['tell a news conference'],
  ['tell a press conference'],
  ['tell lawmakers'],
  ['tell parliament'],
  ['be quoted as saying'],
  ['quoted as saying', undefined, { fixed: true }],
  ['according to', 'reports', { fixed: true, speaker: 'object' }],
  ['in a statement', undefined, { fixed: true }],
  ['in an interview', undefined, { fixed: true }],
  ['in a post on', undefined, { fixed: true }],
  ['state'],
  ['add'],
  ['claim'],
  ['deny', 'denies'],
  ['reject', 'denies', { quoteOnly: true }],
  ['dispute', 'denies'],
  ['dismiss', 'denies', { quoteOnly: true }],
  ['warn'],
  ['announce'],
  ['cite'],
  ['confirm'],
  ['insist'],
  ['argue'],
  ['explain'],
  ['note'],
  ['report', 'reports'],
  ['acknowledge'],
  ['admit'],
  ['allege'],
  ['assert'],
  ['declare'],
  ['estimate'],
  ['predict'],
  ['promise'],
  ['pledge'],
  ['vow'],
  ['accuse'],
  ['describe'],
  ['write'],
  ['tweet'],
  ['testify'],
  ['reveal'],
  ['disclose'],
  ['contend'],
  ['stress'],
  ['emphasise'],
  ['emphasize'],
  ['concede'],
  ['caution'],
  ['complain'],
  ['question', 'questions'],
  ['doubt', 'questions', { quoteOnly: true }],
  ['reply'],
  ['respond', undefined, { quoteOnly: true }],
  ['recall'],
  ['suggest'],
  ['call', undefined, { quoteOnly: true }],
  ['hail', undefined, { quoteOnly: true }],
  ['urge', undefined, { quoteOnly: true }],
]

/** The built-in cue entries, as they would be written in a schema's `suggestions.cues`. */
export function builtinCues(): CueEntry[] {
  return BUILTIN.map(([phrase, stance, options]) => ({
    phrase,
    ...(stance ? { stance } : {}),
    ...options,
  }))
}

/** Lower case, single spaces, curly apostrophes straightened: the key of a phrase. */
export function normalisePhrase(phrase: string): string {
  return phrase.trim().toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ')
}

function compile(entry: CueEntry): LexiconEntry {
  const key = normalisePhrase(entry.phrase)
  const forms = entry.forms?.length
    ? entry.forms.map(normalisePhrase)
    : entry.fixed
      ? [key]
      : phraseForms(key)
  return {
    key,
    forms: [...new Set(forms)],
    stance: entry.stance ?? 'asserts',
    speaker: entry.speaker ?? 'subject',
    quoteOnly: entry.quoteOnly ?? false,
    confidence: entry.quoteOnly ? 0.75 : 0.95,
  }
}

/**
 * The lexicon a project uses: the built-in entries, then the schema's `suggestions.cues` — an entry
 * whose phrase matches a built-in one replaces it (so `{ phrase: "claim", enabled: false }` switches
 * "claim" off), any other is added. Without a `suggestions` block, the built-in lexicon.
 */
export function lexiconOf(settings: SuggestionSettings | undefined): Lexicon {
  const byKey = new Map<string, CueEntry>()
  for (const entry of builtinCues()) byKey.set(normalisePhrase(entry.phrase), entry)
  for (const entry of settings?.cues ?? []) {
    const key = normalisePhrase(entry.phrase)
    byKey.set(key, { ...byKey.get(key), ...entry })
  }
  const cues = [...byKey.values()].filter((e) => e.enabled !== false).map(compile)
  return { cues, rejectLimit: settings?.rejectLimit ?? DEFAULT_REJECT_LIMIT }
}

/** Accept/reject counts of one lexicon entry (by its key), gathered from analysts' decisions. */
export interface FeedbackCounts {
  accepted: number
  rejected: number
}

/** One change tuneLexicon made, for a report to the analyst. */
export interface LexiconChange {
  phrase: string
  enabled: boolean
  accepted: number
  rejected: number
}

/**
 * Tunes a schema's `suggestions` block from feedback: an entry rejected at least `rejectLimit`
 * times (default 3) and more often than accepted is switched off (`enabled: false`); an entry
 * switched off this way that is later accepted more often than rejected is switched back on.
 * Returns the new block (the input is not changed) and what changed.
 */
export function tuneLexicon(
  settings: SuggestionSettings | undefined,
  feedback: Readonly<Record<string, FeedbackCounts>>,
): { settings: SuggestionSettings; changes: LexiconChange[] } {
  const limit = settings?.rejectLimit ?? DEFAULT_REJECT_LIMIT
  const known = new Map<string, CueEntry>()
  for (const entry of builtinCues()) known.set(normalisePhrase(entry.phrase), entry)
  const cues = (settings?.cues ?? []).map((e) => ({ ...e }))
  const own = new Map(cues.map((e) => [normalisePhrase(e.phrase), e]))
  for (const e of own.values()) known.set(normalisePhrase(e.phrase), e)
  const changes: LexiconChange[] = []
  for (const [rawKey, counts] of Object.entries(feedback)) {
    const key = normalisePhrase(rawKey)
    const entry = known.get(key)
    if (!entry) continue
    const enabled = entry.enabled !== false
    const off = counts.rejected >= limit && counts.rejected > counts.accepted
    const on = !off && counts.accepted > counts.rejected
    if (enabled && off) setEnabled(key, entry, false, counts)
    else if (!enabled && on) setEnabled(key, entry, true, counts)
  }
  return { settings: { ...settings, cues }, changes }

  function setEnabled(
    key: string,
    entry: CueEntry,
    enabled: boolean,
    counts: FeedbackCounts,
  ): void {
    const existing = own.get(key)
    if (existing) existing.enabled = enabled
    else {
      const added: CueEntry = { phrase: entry.phrase, enabled }
      cues.push(added)
      own.set(key, added)
    }
    changes.push({ phrase: entry.phrase, enabled, ...counts })
  }
}
