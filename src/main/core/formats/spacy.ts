// spaCy / Prodigy JSONL, export only. One record per document:
// `{text, tokens: [{text, start, end, id, ws}], spans: [{start, end, token_start, token_end, label}],
// relations: [{head, child, label, head_span, child_span}], meta}`. Character offsets count code
// points (Python's `text[start:end]`); token_end is inclusive, as Prodigy writes it; a relation's
// head and child are the last token of each span. Tokens come from the shared tokeniser
// (tokenise.ts), named in `meta.tokeniser`. Spans of every layer go in one list (spans may
// overlap, as in spaCy's SpanGroup / spancat); each also carries its `layer`, `id` and
// `attributes` as extra keys, which Prodigy keeps and spaCy ignores.
import { exportFormat } from './define'
import {
  Extras,
  LabelKeys,
  ManifestBuilder,
  provenanceLosses,
  sharedLabelLoss,
  type CheckedDocument,
} from './export-common'
import { toJsonLine } from './jsonl'
import { TOKENISER_DESCRIPTION, tokenRange, tokenise, type Token } from './tokenise'

type SpanRecord = {
  start: number
  end: number
  token_start: number
  token_end: number
  label: string
  layer: string
  id: string
  attributes?: Record<string, unknown>
}

export const spacyFormat = exportFormat({
  name: 'spacy',
  label: 'spaCy / Prodigy JSONL',
  extension: '.jsonl',
  offsetUnit: 'codepoint',
  open(context, out) {
    const manifest = new ManifestBuilder('spacy', 'prodigy-jsonl-1', 'codepoint')
    manifest.tokeniser = TOKENISER_DESCRIPTION
    const keys = new LabelKeys(context.project.schema)
    const extras = new Extras()
    const file = out.file('spacy.jsonl')
    return {
      document(doc) {
        file.write(`${toJsonLine(record(doc, keys, manifest))}\n`)
        keys.count(doc.spans)
        extras.add(doc)
      },
      finish() {
        file.close()
        manifest.loss(
          'relation attributes',
          'Prodigy relations carry only a label; not written',
          extras.relationAttributes,
        )
        manifest.loss('entity links', 'no place for them; not written', extras.entityLinks)
        sharedLabelLoss(manifest, keys, '`label` (each span keeps its `layer`)')
        provenanceLosses(
          manifest,
          extras,
          { annotators: false, timestamps: 'none' },
          'Prodigy JSONL',
        )
        return manifest.build()
      },
    }
  },
})

/** One document's record: text, tokens, spans, relations and meta. */
function record(doc: CheckedDocument, keys: LabelKeys, manifest: ManifestBuilder) {
  const { file, relations } = doc
  const { document } = file
  const tokens = tokenise(document.text)
  const written = spanRecords(doc, tokens, keys, manifest)
  const rels = relations.flatMap((r) => {
    const head = written.get(r.from)
    const child = written.get(r.to)
    if (!head || !child) {
      manifest.loss('relations', 'an end span covers no token; not written')
      return []
    }
    return [
      {
        head: head.token_end,
        child: child.token_end,
        label: r.type,
        head_span: head,
        child_span: child,
      },
    ]
  })
  const { importedFrom: _ignored, ...metadata } = document.metadata
  manifest.documents++
  manifest.spans += written.size
  manifest.relations += rels.length
  return {
    text: document.text,
    tokens: tokenRecords(document.text, tokens),
    spans: [...written.values()],
    relations: rels,
    meta: {
      id: document.id,
      title: document.title,
      ...metadata,
      offsets: 'codepoint',
      tokeniser: TOKENISER_DESCRIPTION,
      ...(Object.keys(file.annotations.docLabels).length
        ? { docLabels: file.annotations.docLabels }
        : {}),
    },
  }
}

/**
 * The tokens as spaCy has them: offsets in code points, and an id. The tokens are in order and
 * only whitespace (never an astral character) lies between them, so the astral characters before
 * each token are counted on the way, each token's own read once, rather than looked up per offset.
 */
function tokenRecords(text: string, tokens: readonly Token[]) {
  const records = new Array<{ text: string; start: number; end: number; id: number; ws: boolean }>(
    tokens.length,
  )
  let astral = 0 // astral characters (surrogate pairs) before the current token
  for (let id = 0; id < tokens.length; id++) {
    const { start, end } = tokens[id]
    const first = start - astral
    for (let i = start; i + 1 < end; i++) {
      if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
        astral++
        i++
      }
    }
    records[id] = { text: tokens[id].text, start: first, end: end - astral, id, ws: tokens[id].ws }
  }
  return records
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff

/** The span records of a document by span id; spans covering no token are counted and left out. */
function spanRecords(
  { spans, offsets }: CheckedDocument,
  tokens: Token[],
  keys: LabelKeys,
  manifest: ManifestBuilder,
): Map<string, SpanRecord> {
  const written = new Map<string, SpanRecord>()
  for (const span of spans) {
    const range = tokenRange(tokens, span.start, span.end)
    if (!range) {
      manifest.loss('spans covering no token', 'token_start/token_end need a token; not written')
      continue
    }
    if (!range.aligned) {
      manifest.loss(
        'spans not aligned to tokens',
        "start/end stay exact; token_start/token_end cover the tokens they touch (spaCy's char_span would not align)",
      )
    }
    written.set(span.id, {
      start: offsets.toCodePoint(span.start),
      end: offsets.toCodePoint(span.end),
      token_start: range.first,
      token_end: range.last,
      label: keys.of(span),
      layer: span.layer,
      id: span.id,
      ...(Object.keys(span.attributes).length ? { attributes: span.attributes } : {}),
    })
  }
  return written
}
