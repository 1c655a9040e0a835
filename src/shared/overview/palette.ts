// The charts' colours in the light and the dark theme. Every colour that marks data differs from
// the background by at least 3:1 (WCAG's minimum for graphics) and text by at least 4.5:1; a test
// checks each pair. Well-known values keep one colour in every chart ("negative" is always red),
// matching the mix bars of the Sources view.

export type ChartThemeName = 'light' | 'dark'

export interface ChartTheme {
  name: ChartThemeName
  background: string
  text: string
  muted: string
  grid: string
  /** Bars of charts with one colour. */
  single: string
  /** Colours of well-known values (checkability, polarity, stance, attribution kind). */
  values: Record<string, string>
  /** Values with no colour of their own, in order of appearance. */
  others: string[]
  /** "Not set". */
  unset: string
  /** Network nodes. */
  sourceNode: string
  claimNode: string
  labelNode: string
  font: string
}

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif"

export const CHART_THEMES: Record<ChartThemeName, ChartTheme> = {
  light: {
    name: 'light',
    background: '#ffffff',
    text: '#1d2025',
    muted: '#555b65',
    grid: '#e3e1da',
    single: '#2563eb',
    values: {
      factual: '#2563eb',
      opinion: '#b45309',
      prediction: '#7c3aed',
      positive: '#15803d',
      neutral: '#64748b',
      mixed: '#a16207',
      negative: '#dc2626',
      asserts: '#2563eb',
      denies: '#dc2626',
      questions: '#b45309',
      reports: '#0f766e',
      direct_quote: '#7c3aed',
      indirect: '#0f766e',
      paraphrase: '#b45309',
      unattributed_assertion: '#be185d',
    },
    others: ['#0e7490', '#be185d', '#4d7c0f', '#9333ea', '#c2410c', '#0f766e'],
    unset: '#7a808a',
    sourceNode: '#334155',
    claimNode: '#7c8694',
    labelNode: '#7c8694',
    font: FONT,
  },
  dark: {
    name: 'dark',
    background: '#1e2126',
    text: '#e4e4e0',
    muted: '#a4abb5',
    grid: '#353a42',
    single: '#6b9bff',
    values: {
      factual: '#6b9bff',
      opinion: '#f0a94a',
      prediction: '#a98bfa',
      positive: '#4ade80',
      neutral: '#9aa3b2',
      mixed: '#facc15',
      negative: '#f87171',
      asserts: '#6b9bff',
      denies: '#f87171',
      questions: '#f0a94a',
      reports: '#2dd4bf',
      direct_quote: '#a98bfa',
      indirect: '#2dd4bf',
      paraphrase: '#f0a94a',
      unattributed_assertion: '#f472b6',
    },
    others: ['#22d3ee', '#f472b6', '#a3e635', '#c084fc', '#fb923c', '#2dd4bf'],
    unset: '#8d939d',
    sourceNode: '#d5dbe3',
    claimNode: '#8d939d',
    labelNode: '#8d939d',
    font: FONT,
  },
}

/** The colour of a value in a chart: its own, "not set" grey, or the next of `others`. */
export function valueColor(theme: ChartTheme, value: string, others: string[]): string {
  if (value === '') return theme.unset
  const own = theme.values[value]
  if (own) return own
  let i = others.indexOf(value)
  if (i === -1) i = others.push(value) - 1
  return theme.others[i % theme.others.length]
}

/** Relative luminance of a #rrggbb colour (WCAG 2). */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}

/** WCAG contrast ratio of two #rrggbb colours (1–21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

/**
 * `color` (a schema colour, chosen for the light article) moved toward the theme's text colour
 * until it reaches `ratio` against the background, so a layer's bar stays visible in dark mode.
 */
export function readableOn(theme: ChartTheme, color: string, ratio = 3): string {
  let out = color
  for (let t = 0.1; contrast(out, theme.background) < ratio && t <= 1.0001; t += 0.1) {
    out = mix(color, theme.text, t)
  }
  return out
}

function mix(a: string, b: string, t: number): string {
  const at = (hex: string, i: number) => parseInt(hex.slice(i, i + 2), 16)
  return `#${[1, 3, 5]
    .map((i) => Math.round(at(a, i) * (1 - t) + at(b, i) * t))
    .map((v) => v.toString(16).padStart(2, '0'))
    .join('')}`
}
