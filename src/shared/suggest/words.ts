// Closed word classes the rules consult: a few hundred words stand in for a part-of-speech tagger
// where the rules only need to know "is this the edge of a noun phrase?".

const set = (words: string) => new Set(words.trim().split(/\s+/))

export const DETERMINERS = set(`
  the a an his her their its our my your this that these those both several some many
  any each every no such another other all most few one two three four five six seven eight nine ten
`)

export const PRONOUNS = set(`he she they it we i you`)
export const OBJECT_PRONOUNS = set(`him her them us me`)

export const RELATIVES = set(`that which who whom whose what where when while whether how why`)

export const PREPOSITIONS = set(`
  in on at by with without into onto over under after before since during about against between
  among through throughout across toward towards to from for of than as like near amid despite
  within upon via per including following
`)

export const CONJUNCTIONS = set(`and or but nor so yet because although though if unless`)

export const MODALS = set(`will would could can may might should must shall`)
export const BE = set(`is are was were be been being am`)
export const AUXILIARIES = set(`has have had does did do`)
export const NEGATIONS = set(`not n't never`)

/** Adverbs and time words that may stand between a speaker and the verb, or after the verb. */
export const ADVERBIALS = set(`
  also previously earlier later again then still repeatedly publicly privately separately once
  already often last late early this yesterday today tonight recently now
  monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night
  week month year weekend on
`)

/** Nouns that head a speaker phrase and say what kind of source it is. */
export const KIND_WORDS: [RegExp, string][] = [
  [
    /\b(people familiar|sources?|person familiar|who asked not to be named|anonymity)\b/i,
    'anonymous',
  ],
  [
    /\b(agency|news|media|newspaper|broadcaster|television|radio|tv|reuters|tass|xinhua|press|times|post)\b/i,
    'media',
  ],
  [
    /\b(statement|report|data|website|figures|survey|study|document|filing|letter|note|records?|tally)\b/i,
    'document',
  ],
  [
    /\b(ministry|government|officials?|minister|secretary|president|kremlin|white house|police|military|army|embassy|council|senator|governor|mayor|department|authorit(y|ies)|prime|spokes(man|woman|person)|chancellor|premier|cabinet)\b/i,
    'government',
  ],
  [
    /\b(union|association|institute|company|firm|group|federation|party|organi[sz]ation|bank|committee|foundation|agency|university|board|council|coalition|economists|analysts|experts)\b/i,
    'organisation',
  ],
]

/** Titles and roles that stay with the name they precede ("U.S. Secretary of State Antony Blinken"). */
export const PERSON_WORDS = set(`
  president minister secretary leader chairman chairwoman chair spokesman spokeswoman spokesperson
  adviser advisor official general director chief ceo governor senator mayor ambassador
  commissioner envoy judge prosecutor economist analyst professor dr mr mrs ms sen rep gov
  operator worker resident farmer driver
`)
