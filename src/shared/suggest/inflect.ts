// English verb forms for cue phrases: "say" → says, said, saying; "deny" → denies, denied, denying.
// Only the first word of a phrase is inflected ("tell reporters" → "told reporters"), and "be"
// stands for all its forms ("be quoted as saying" → "was quoted as saying").

const IRREGULAR: Record<string, string[]> = {
  say: ['says', 'said', 'saying'],
  tell: ['tells', 'told', 'telling'],
  write: ['writes', 'wrote', 'written', 'writing'],
  speak: ['speaks', 'spoke', 'spoken', 'speaking'],
  swear: ['swears', 'swore', 'sworn', 'swearing'],
  forecast: ['forecasts', 'forecasting'],
  broadcast: ['broadcasts', 'broadcasting'],
  be: ['is', 'are', 'was', 'were', 'been', 'being'],
}

/** Verbs whose final consonant doubles before -ed and -ing. */
const DOUBLING = new Set(['admit', 'regret', 'submit', 'commit', 'omit', 'refer', 'occur'])

/** The forms of one verb, the base included. */
export function verbForms(base: string): string[] {
  const b = base.toLowerCase()
  const irregular = IRREGULAR[b]
  if (irregular) return [b, ...irregular]
  if (DOUBLING.has(b) || /^(qu|[^aeiou])*[aeiou][^aeiouwxy]$/.test(b)) {
    const d = b + b[b.length - 1]
    return [b, `${b}s`, `${d}ed`, `${d}ing`]
  }
  if (/[^aeiou]y$/.test(b)) {
    const stem = b.slice(0, -1)
    return [b, `${stem}ies`, `${stem}ied`, `${b}ing`]
  }
  if (/e$/.test(b)) {
    const stem = /ee$/.test(b) ? b : b.slice(0, -1)
    return [b, `${b}s`, `${b}d`, `${stem}ing`]
  }
  if (/(s|sh|ch|x|z)$/.test(b)) return [b, `${b}es`, `${b}ed`, `${b}ing`]
  return [b, `${b}s`, `${b}ed`, `${b}ing`]
}

/** Which grammatical form a surface word is of its verb. */
export type VerbForm = 'base' | 's' | 'past' | 'ing'

export function formOf(word: string, base: string): VerbForm {
  const w = word.toLowerCase()
  if (w === base.toLowerCase()) return 'base'
  if (w.endsWith('ing')) return 'ing'
  if (w.endsWith('s') && !w.endsWith('ss')) return 's'
  return 'past'
}

/** Every surface form of a phrase: its first word inflected, the rest kept. */
export function phraseForms(phrase: string): string[] {
  const words = phrase.trim().toLowerCase().split(/\s+/)
  const [first, ...rest] = words
  if (!first) return []
  const tail = rest.length ? ` ${rest.join(' ')}` : ''
  return verbForms(first).map((f) => f + tail)
}
