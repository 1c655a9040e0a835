// vader-sentiment ships its lexicon as an ES module without type declarations.
declare module 'vader-sentiment/src/vader_lexicon.js' {
  /** VADER's lexicon: token → mean valence of ten raters, −4 (most negative) … +4. */
  export const lexicon: Record<string, number>
}
