// Counts in the UI's English: "1 document", "3 documents".

/** `n` and the noun, with an "s" unless `n` is 1. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
