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
import { JsonBytes } from './json-bytes'
import { TOKENISER_DESCRIPTION, tokenRange, tokenise, type Token } from './tokenise'

/** A span as the record has it, its keys in the order they are written (writeSpan). */
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
    const json = new JsonBytes(file)
    return {
      document(doc) {
        writeRecord(json, doc, keys, manifest)
        keys.count(doc.spans)
        extras.add(doc)
      },
      finish() {
        json.flush()
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

/** Writes one document's record and its newline: text, tokens, spans, relations and meta. */
function writeRecord(
  json: JsonBytes,
  doc: CheckedDocument,
  keys: LabelKeys,
  manifest: ManifestBuilder,
): void {
  const { file, relations } = doc
  const { document } = file
  const tokens = tokenise(document.text)
  const written = spanRecords(doc, tokens, keys, manifest)
  const rels: { label: string; head: SpanRecord; child: SpanRecord }[] = []
  for (const r of relations) {
    const head = written.get(r.from)
    const child = written.get(r.to)
    if (head && child) rels.push({ label: r.type, head, child })
    else manifest.loss('relations', 'an end span covers no token; not written')
  }
  const { importedFrom: _ignored, ...metadata } = document.metadata
  manifest.documents++
  manifest.spans += written.size
  manifest.relations += rels.length
  json.raw('{"text":')
  json.string(document.text)
  json.raw(',"tokens":')
  writeTokens(json, document.text, tokens)
  json.raw(',"spans":[')
  let first = true
  for (const span of written.values()) {
    if (!first) json.raw(',')
    first = false
    writeSpan(json, span)
  }
  json.raw('],"relations":[')
  for (const [i, { label, head, child }] of rels.entries()) {
    json.raw(i === 0 ? '{"head":' : ',{"head":').int(head.token_end)
    json.raw(',"child":').int(child.token_end).raw(',"label":').string(label)
    json.raw(',"head_span":')
    writeSpan(json, head)
    json.raw(',"child_span":')
    writeSpan(json, child)
    json.raw('}')
  }
  json.raw(']')
  json.raw(',"meta":')
  json.value({
    id: document.id,
    title: document.title,
    ...metadata,
    offsets: 'codepoint',
    tokeniser: TOKENISER_DESCRIPTION,
    ...(Object.keys(file.annotations.docLabels).length
      ? { docLabels: file.annotations.docLabels }
      : {}),
  })
  json.raw('}\n')
}

/**
 * The tokens as spaCy has them, `[{text, start, end, id, ws}, …]`: offsets in code points, and an
 * id. The tokens are in order and only whitespace (never an astral character) lies between them,
 * so the astral characters before each token are counted on the way, each token's own read once,
 * rather than looked up per offset.
 */
function writeTokens(json: JsonBytes, text: string, tokens: readonly Token[]): void {
  let astral = 0 // astral characters (surrogate pairs) before the current token
  json.raw('[')
  for (let id = 0; id < tokens.length; id++) {
    const { start, end, ws } = tokens[id]
    const first = start - astral
    for (let i = start; i + 1 < end; i++) {
      if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
        astral++
        i++
      }
    }
    json.raw(id === 0 ? '{"text":' : ',{"text":').string(text, start, end)
    json
      .raw(',"start":')
      .int(first)
      .raw(',"end":')
      .int(end - astral)
    json
      .raw(',"id":')
      .int(id)
      .raw(ws ? ',"ws":true}' : ',"ws":false}')
  }
  json.raw(']')
}

/** A span's record, its keys in SpanRecord's order. */
function writeSpan(json: JsonBytes, span: SpanRecord): void {
  json.raw('{"start":').int(span.start).raw(',"end":').int(span.end)
  json.raw(',"token_start":').int(span.token_start).raw(',"token_end":').int(span.token_end)
  json.raw(',"label":').string(span.label).raw(',"layer":').string(span.layer)
  json.raw(',"id":').string(span.id)
  if (span.attributes) json.raw(',"attributes":').value(span.attributes)
  json.raw('}')
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
