// Quotations: text between quotation marks of every kind — curly “…” and ‘…’, straight "…" and
// '…', low „…“, guillemets «…» and »…« — nested, and running over paragraph boundaries the way
// wire copy writes them (no closing mark at the end of the paragraph, an opening one at the start
// of the next). A quotation left open at a paragraph end continues only when the next paragraph
// reopens it or closes it before opening another; otherwise it ends with its paragraph. A second
// opening mark while one is open means the first was never closed: it is dropped, not guessed.
import type { Block } from '../model'

type Family = 'double' | 'single' | 'guillemet' | 'single-guillemet'

export interface Quotation {
  /** Content range, without the marks, trailing spaces and trailing , ; : */
  start: number
  end: number
  /** Range from the opening mark to after the closing mark (or to the paragraph end). */
  outerStart: number
  outerEnd: number
  /** Nesting depth: 0 for an outer quotation. */
  depth: number
  /** False when the quotation ran to the end of its paragraph with no closing mark. */
  closed: boolean
}

interface Open {
  family: Family
  mark: number
  /** The mark that closes it, when the opening mark decides it (» after «, “ after „). */
  closers: string
  block: number
}

const MARKS = /["'“”„‟‘’‚«»‹›]/g

const isSpace = (c: string | undefined) => c === undefined || /[\s\p{Z}]/u.test(c)
const isLetterOrDigit = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c)
const OPENING_CONTEXT = /[\s\p{Z}([{—–\-/“‘«„]/u

function familyOf(c: string): Family {
  if (c === '«' || c === '»') return 'guillemet'
  if (c === '‹' || c === '›') return 'single-guillemet'
  if (c === "'" || c === '‘' || c === '’' || c === '‚') return 'single'
  return 'double'
}

/** Finds the quotations of a text, in order of their opening marks. */
export function findQuotations(text: string, blocks: readonly Block[]): Quotation[] {
  const out: Quotation[] = []
  const stack: Open[] = []
  const marksByBlock = blocks.map((b) => marksIn(text, b))

  const emit = (o: Open, closeAt: number, outerEnd: number, closed: boolean) => {
    const [start, end] = trimContent(text, o.mark + 1, closeAt)
    if (start < end) {
      const depth = stack.filter((s) => s.mark < o.mark).length
      out.push({ start, end, outerStart: o.mark, outerEnd, depth, closed })
    }
  }

  blocks.forEach((block, b) => {
    for (const at of marksByBlock[b]) {
      const c = text[at]
      const family = familyOf(c)
      const role = roleOf(text, at, c, stack, family)
      if (role === 'none') continue
      if (role === 'close') {
        const i = findOpen(stack, family, c)
        if (i < 0) continue
        const o = stack[i]
        stack.length = i
        emit(o, at, at + 1, true)
        continue
      }
      const i = findOpen(stack, family, null)
      if (i >= 0) {
        const o = stack[i]
        if (o.block < b && firstMarkOfBlock(text, block) === at) continue // reopened paragraph
        stack.length = i // the earlier one never closed
      }
      stack.push({ family, mark: at, closers: closersOf(c), block: b })
    }
    // Paragraph end: a quotation continues only if the next paragraph carries it on.
    const next = blocks[b + 1]
    for (let i = 0; i < stack.length; i++) {
      const o = stack[i]
      if (next && continuesInto(text, next, marksByBlock[b + 1], o, stack)) continue
      stack.splice(i)
      emit(o, block.end, block.end, false)
      break
    }
  })
  return out.sort((a, b) => a.outerStart - b.outerStart)
}

function marksIn(text: string, block: Block): number[] {
  const out: number[] = []
  MARKS.lastIndex = 0
  const slice = text.slice(block.start, block.end)
  for (let m = MARKS.exec(slice); m; m = MARKS.exec(slice)) out.push(block.start + m.index)
  return out
}

function closersOf(c: string): string {
  if (c === '„') return '“”"'
  if (c === '‚') return "‘’'"
  if (c === '«') return '»'
  if (c === '»') return '«'
  if (c === '‹') return '›'
  if (c === '›') return '‹'
  return ''
}

/** Index in the stack of the innermost open quotation of a family (that `c` may close). */
function findOpen(stack: Open[], family: Family, c: string | null): number {
  for (let i = stack.length - 1; i >= 0; i--) {
    const o = stack[i]
    if (o.family !== family) continue
    if (c !== null && o.closers && !o.closers.includes(c)) continue
    return i
  }
  return -1
}

type Role = 'open' | 'close' | 'none'

function roleOf(text: string, at: number, c: string, stack: Open[], family: Family): Role {
  const before = text[at - 1]
  const after = text[at + 1]
  const open = findOpen(stack, family, c) >= 0
  switch (c) {
    case '“':
      // „…“ closes with “; otherwise “ opens.
      return open && stack[findOpen(stack, family, c)].closers.includes('“') ? 'close' : 'open'
    case '„':
    case '‟':
    case '‚':
      return 'open'
    case '”':
      return 'close'
    case '«':
    case '‹':
    case '»':
    case '›':
      return open ? 'close' : 'open'
    case '‘':
      return 'open'
    case '’':
    case "'":
      return apostropheOrSingle(c, before, after, open)
    default: {
      // straight double quote: by its neighbours, then by what is open
      const spaceBefore = isSpace(before) || OPENING_CONTEXT.test(before ?? ' ')
      const spaceAfter = isSpace(after) || /[.,;:!?)\]—–-]/.test(after ?? ' ')
      if (spaceBefore && !spaceAfter) return 'open'
      if (!spaceBefore && spaceAfter) return open ? 'close' : 'none'
      return open ? 'close' : 'open'
    }
  }
}

function apostropheOrSingle(
  c: string,
  before: string | undefined,
  after: string | undefined,
  open: boolean,
): Role {
  if (isLetterOrDigit(before) && isLetterOrDigit(after)) return 'none' // don’t, Putin’s
  if (isSpace(before) || OPENING_CONTEXT.test(before ?? ' ')) {
    if (/\p{N}/u.test(after ?? '')) return 'none' // ’90s
    return c === "'" && isSpace(after) ? 'none' : 'open'
  }
  // after a word: a closing single quote if one is open, else a plural possessive (workers’)
  return open ? 'close' : 'none'
}

function firstMarkOfBlock(text: string, block: Block): number {
  let i = block.start
  while (i < block.end && isSpace(text[i])) i++
  return i
}

/**
 * Does an open quotation carry on into the next paragraph? Yes when that paragraph starts with an
 * opening mark of the same family (wire style), or when the first mark of that family in it closes.
 */
function continuesInto(
  text: string,
  next: Block,
  marks: number[],
  o: Open,
  stack: Open[],
): boolean {
  const first = firstMarkOfBlock(text, next)
  for (const at of marks) {
    const c = text[at]
    if (familyOf(c) !== o.family) continue
    const role = roleOf(text, at, c, stack, o.family)
    if (role === 'none') continue
    if (at === first && role === 'open') return true
    return role === 'close'
  }
  return false
}

function trimContent(text: string, start: number, end: number): [number, number] {
  let s = start
  let e = end
  while (s < e && isSpace(text[s])) s++
  while (e > s && (isSpace(text[e - 1]) || /[,;:]/.test(text[e - 1]))) e--
  return [s, e]
}
