// Which title a web page's article has, and what its byline looks like. Pages name themselves
// for browser tabs and link previews ("Council approves river crossing | The Ledger" in <title>
// and og:title); the article's own headline is its <h1>. So the title is the <h1> that the page
// title carries, or else the page title without the site's name; and a paragraph that only
// repeats the byline (shown from the metadata) is not article text.

/**
 * What joins a page title to its site's name: "Headline | Site", "Headline – Site", "Site: Headline".
 * Dashes need spaces round them, so a hyphenated word ("Anti-Ledger") is never split.
 */
const SITE_SEPARATOR = '(?:\\s*[|·•]\\s*|\\s+[-–—]\\s+|\\s*:\\s+)'

/** The candidates a page offers, as plain text. */
export interface TitleCandidates {
  /** The title from the page's metadata (JSON-LD headline, og:title, …) or <title>. */
  pageTitle?: string
  /** The text of the page's <h1> elements, in document order. */
  h1s: string[]
  /** The site's name when the page states it (og:site_name, JSON-LD publisher). */
  siteName?: string
}

/** The article's title, and the site's name when the title showed it. */
export function chooseTitle(candidates: TitleCandidates): { title?: string; siteName?: string } {
  const { pageTitle, h1s, siteName } = candidates
  if (!pageTitle) return { title: h1s.length === 1 ? h1s[0] : undefined, siteName }
  // The longest carried <h1>: a logo <h1> ("The Ledger") is carried too, but is the shorter part.
  const headline = h1s
    .filter((h1) => carries(pageTitle, h1))
    .reduce<string | undefined>((a, b) => (a && a.length >= b.length ? a : b), undefined)
  if (headline) return { title: headline, siteName: siteName ?? leftover(pageTitle, headline) }
  return { title: withoutSiteName(pageTitle, siteName), siteName }
}

/** Whether a page title is the headline, possibly with a site name before or after it. */
function carries(pageTitle: string, headline: string): boolean {
  const title = normalise(pageTitle)
  const h1 = normalise(headline)
  if (h1.length < 4) return false
  return title === h1 || title.startsWith(h1) || title.endsWith(h1)
}

/** What remains of the page title beside the headline, if it is a separated name. */
function leftover(pageTitle: string, headline: string): string | undefined {
  const h1 = escapeRegExp(headline.replace(/\s+/g, ' ').trim())
  for (const pattern of [`^${h1}${SITE_SEPARATOR}(.+)$`, `^(.+?)${SITE_SEPARATOR}${h1}$`]) {
    const match = new RegExp(pattern, 'i').exec(pageTitle.replace(/\s+/g, ' ').trim())
    const rest = match?.[1]?.trim()
    if (rest && rest.length <= 80) return rest
  }
  return undefined
}

/**
 * The title without the site's name when the site name stands at its start or end behind a
 * separator ("Council approves river crossing | The Ledger" → "Council approves river crossing").
 * The title is returned as is when nothing would be left or the site name is unknown.
 */
export function withoutSiteName(
  title: string | undefined,
  siteName: string | undefined,
): string | undefined {
  if (!title || !siteName) return title
  const site = escapeRegExp(siteName)
  for (const pattern of [`${SITE_SEPARATOR}${site}$`, `^${site}${SITE_SEPARATOR}`]) {
    const stripped = title.replace(new RegExp(pattern, 'i'), '').trim()
    if (stripped !== title && stripped !== '') return stripped
  }
  return title
}

/** A byline without its leading "By" ("By Ana Ruiz" → "Ana Ruiz"). */
export function cleanByline(byline: string | undefined): string | undefined {
  const cleaned = byline?.replace(/^\s*by[\s:]+/i, '').trim()
  return cleaned || undefined
}

/**
 * Whether a block of text is only a byline of `author`: the name, "By <name>", or either followed
 * by a short role or date ("By Ana Ruiz, City Hall reporter · 3 June 2025").
 */
export function isBylineOf(text: string, author: string): boolean {
  const name = normalise(author)
  if (name.length < 3) return false
  const block = normalise(text).replace(/^by[\s:]+/, '')
  if (!block.startsWith(name)) return false
  const rest = block.slice(name.length)
  return rest === '' || (/^[\s,|·•–—-]/.test(rest) && rest.length <= 60)
}

function normalise(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLowerCase()
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
