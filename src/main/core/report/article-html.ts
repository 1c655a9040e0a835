// One article of the report with its highlights: the canonical text block by block, each stretch
// of text wrapped in one element per layer that covers it (nested, so overlapping spans of
// different layers each draw their own underline, as in the app), claims tinted and followed by
// their number in the claims table. Offsets are the stored UTF-16 offsets, sliced as stored.
import type { AnnotationSchema, DocumentFile, Span } from '../../../shared/model'
import { frameOf } from '../../../shared/claims'
import { bdi, esc } from './html'

/** Where each claim is in the claims table: "documentId\nclaimId" → its number there. */
export type ClaimNumbers = Map<string, number>

/** The HTML id of a span in the report (for links from the claims table). */
export function spanAnchor(docIndex: number, spanId: string): string {
  return `d${docIndex}-${spanId}`
}

const BLOCK_TAGS = { heading: 'h4', paragraph: 'p', blockquote: 'blockquote', list_item: 'li' }

/** The article's blocks with its spans highlighted, and a claim's number after each claim. */
export function articleHtml(
  schema: AnnotationSchema,
  file: DocumentFile,
  docIndex: number,
  numbers: ClaimNumbers,
): string {
  const { text, blocks } = file.document
  const layerIndex = new Map(schema.layers.map((l, i) => [l.id, i]))
  const claimLayer = frameOf(schema).claimLayer
  const spans = [...file.annotations.spans]
    .filter((s) => s.start < s.end && s.end <= text.length)
    .sort((a, b) => a.start - b.start || b.end - a.end)
  const ranges =
    blocks.length > 0 ? blocks : [{ type: 'paragraph' as const, start: 0, end: text.length }]
  const out: string[] = []
  let listOpen = false
  for (const block of ranges) {
    const isItem = block.type === 'list_item'
    if (isItem && !listOpen) out.push('<ul>')
    if (!isItem && listOpen) out.push('</ul>')
    listOpen = isItem
    const tag = BLOCK_TAGS[block.type]
    const inner = highlight(text, block.start, block.end, spans, (span) => ({
      layer: layerIndex.get(span.layer) ?? schema.layers.length,
      claim: span.layer === claimLayer ? numbers.get(`${file.document.id}\n${span.id}`) : undefined,
      anchor: spanAnchor(docIndex, span.id),
    }))
    out.push(`<${tag} dir="auto">${inner}</${tag}>`)
  }
  if (listOpen) out.push('</ul>')
  return out.join('\n')
}

interface SpanLook {
  layer: number
  /** The claim's number in the claims table (claims only). */
  claim?: number
  anchor: string
}

/** Text from `start` to `end` cut at every span boundary, each piece wrapped per covering layer. */
function highlight(
  text: string,
  start: number,
  end: number,
  spans: readonly Span[],
  look: (span: Span) => SpanLook,
): string {
  const inside = spans.filter((s) => s.start < end && s.end > start)
  const cuts = new Set([start, end])
  for (const s of inside) {
    if (s.start > start) cuts.add(s.start)
    if (s.end < end) cuts.add(s.end)
  }
  const points = [...cuts].sort((a, b) => a - b)
  const out: string[] = []
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]]
    const covering = inside
      .filter((s) => s.start <= from && s.end >= to)
      .map((s) => ({ span: s, ...look(s) }))
      .sort((a, b) => a.layer - b.layer || a.span.start - b.span.start)
    let piece = esc(text.slice(from, to))
    // Innermost first: the last layer is the deepest element.
    for (const c of [...covering].reverse()) {
      const id = c.span.start === from ? ` id="${c.anchor}"` : ''
      const kind = c.claim !== undefined ? ' claim' : ''
      piece = `<span class="hl l${c.layer}${kind}"${id}>${piece}</span>`
    }
    out.push(piece)
    for (const c of covering) {
      if (c.claim !== undefined && c.span.end === to) {
        out.push(`<a class="claim-no" href="#claim-${c.claim}">C${c.claim}</a>`)
      }
    }
  }
  return out.join('')
}

/** The legend: each layer's underline and colour, with how many spans it has here. */
export function legendHtml(schema: AnnotationSchema, counts: Record<string, number>): string {
  const items = schema.layers.map(
    (layer, i) =>
      `<li><span class="hl l${i}${layer.id === frameOf(schema).claimLayer ? ' claim' : ''}">` +
      `${bdi(layer.name)}</span> <span class="muted">${esc(counts[layer.id] ?? 0)}</span></li>`,
  )
  return `<ul class="legend" aria-label="Legend">${items.join('')}<li><span class="claim-no">C1</span> <span class="muted">claim number in the claims table</span></li></ul>`
}
