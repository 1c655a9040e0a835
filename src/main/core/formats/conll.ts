// CoNLL-2003 style BIO token file, export only. One layer at a time: by default every layer is
// written to its own file `<layer>.conll`; the option `{layer: '<id>'}` writes just that one. Each
// line is `TOKEN _ _ TAG` (space-separated, as CoNLL-2003's word/POS/chunk/NER columns, with POS
// and chunk left empty), a blank line ends a sentence, and each document starts with
// `-DOCSTART- -X- -X- O`. No other line: CoNLL-2003 has no comments, and readers such as NLTK's
// ConllCorpusReader take a `# …` line for a token, so the tokeniser is described in the manifest
// (`tokeniser`); the option `{comments: true}` adds `# …` header lines for CoNLL-U-aware readers.
// A token that is itself `#` is written like any other token. Tokens never hold whitespace
// (tokenise.ts), so `line.split()` always gives four columns, and a sentence never ends inside a
// span, so every written span is one B- followed by its I- tags.
//
// BIO cannot hold everything, and each loss is counted in the manifest, never dropped silently:
// spans overlapping an earlier span of the same layer (the earlier, then longer, one is kept);
// spans whose edges fall inside a token (widened to whole tokens); spans covering no token;
// whitespace in labels (written as `_`); attributes, relations, document labels, entity links,
// annotator names and timestamps.
import type { ExportFormatModule, ExportInput } from './types'
import {
  ManifestBuilder,
  countExtras,
  optionsOf,
  provenanceLosses,
  safeStem,
  type CheckedDocument,
} from './export-common'
import { PY_SPACE_RUNS, TOKENISER_DESCRIPTION, sentences, tokenRange, type Token } from './tokenise'
import type { Layer, Span } from '../../../shared/model'

export interface ConllOptions {
  /** Write only this layer (its id); default: every layer, one file each. */
  layer: string
  /** Write `# …` header lines (default false). */
  comments: boolean
}

export const conllFormat: ExportFormatModule = {
  name: 'conll',
  label: 'CoNLL-2003 BIO',
  extension: '',
  offsetUnit: 'codepoint',
  export(input: ExportInput) {
    const manifest = new ManifestBuilder('conll', 'conll-2003-bio', 'codepoint')
    manifest.tokeniser = TOKENISER_DESCRIPTION
    const docs = input.documents
    const { schema } = input.project
    const { layer: only, comments = false } = optionsOf<ConllOptions>(input)
    const layers = only !== undefined ? schema.layers.filter((l) => l.id === only) : schema.layers
    if (only !== undefined && layers.length === 0) {
      manifest.problem('project.json', `layer ${only} is not in the schema; nothing written`)
    }
    const tokenised = docs.map((d) => sentences(d.file.document.text, d.spans))
    const files = layers.map((layer) => ({
      path: `${safeStem(layer.id)}.conll`,
      data: layerFile(layer, docs, tokenised, comments, manifest),
    }))
    manifest.documents = docs.length
    conllLosses(manifest, docs, only)
    return { files, manifest: manifest.build() }
  },
}

/** One layer's file: optional header comments, then each document's sentences. */
function layerFile(
  layer: Layer,
  docs: readonly CheckedDocument[],
  tokenised: Token[][][],
  comments: boolean,
  manifest: ManifestBuilder,
): string {
  const out = comments
    ? [
        `# tokeniser: ${TOKENISER_DESCRIPTION}`,
        `# layer: ${layer.id} (${layer.name.replace(PY_SPACE_RUNS, ' ')})`,
        '# offsets: tokens follow the text; spans were aligned to whole tokens',
        '',
      ]
    : []
  docs.forEach((doc, d) => {
    out.push('-DOCSTART- -X- -X- O', '')
    const layerSpans = doc.spans.filter((s) => s.layer === layer.id)
    const { tags, written } = tagDocument(tokenised[d], layerSpans, manifest)
    tokenised[d].forEach((sentence, k) => {
      if (comments && sentence[0].text.startsWith('#')) {
        manifest.loss(
          'sentences starting with a # token',
          'with comments on, a CoNLL-U-aware reader takes their first line for a comment',
        )
      }
      sentence.forEach((token, j) => out.push(`${token.text} _ _ ${tags[k][j]}`))
      out.push('')
    })
    manifest.spans += written
  })
  return `${out.join('\n')}\n`
}

function conllLosses(
  manifest: ManifestBuilder,
  docs: readonly CheckedDocument[],
  only: string | undefined,
): void {
  const extra = countExtras(docs)
  const notHeld = 'BIO tags hold only a label per token; not written'
  manifest.loss('span attributes', notHeld, extra.spanAttributes)
  manifest.loss(
    'relations',
    notHeld,
    docs.reduce((n, d) => n + d.relations.length, 0),
  )
  manifest.loss('document labels', notHeld, extra.docLabels)
  manifest.loss('entity links', notHeld, extra.entityLinks)
  provenanceLosses(manifest, docs, { annotators: false, timestamps: 'none' }, 'CoNLL')
  if (only !== undefined) {
    const others = docs.reduce((n, d) => n + d.spans.filter((s) => s.layer !== only).length, 0)
    manifest.loss('spans of other layers', `only layer ${only} was written`, others)
  }
}

/** BIO tags for each token of each sentence, from one layer's spans; losses go to the manifest. */
function tagDocument(
  doc: Token[][],
  spans: readonly Span[],
  manifest: ManifestBuilder,
): { tags: string[][]; written: number } {
  const tags = doc.map((s) => s.map(() => 'O'))
  const flat: { sentence: number; index: number; token: Token }[] = []
  doc.forEach((s, k) => s.forEach((token, index) => flat.push({ sentence: k, index, token })))
  const tokens = flat.map((f) => f.token)
  const placed = spans
    .map((span) => ({ span, range: tokenRange(tokens, span.start, span.end) }))
    .filter(({ range }) => {
      if (!range) manifest.loss('spans covering no token', 'a BIO tag needs a token; not written')
      else if (!range.aligned)
        manifest.loss('spans not aligned to tokens', 'widened to whole tokens')
      return range !== null
    })
    .sort((a, b) => a.range!.first - b.range!.first || b.range!.last - a.range!.last)
  let lastEnd = -1
  let written = 0
  for (const { span, range } of placed) {
    const { first, last } = range!
    if (first <= lastEnd) {
      manifest.loss(
        'overlapping spans',
        'BIO holds one span per token in a layer; the earlier (then longer) span was kept',
      )
      continue
    }
    lastEnd = last
    written++
    const label = span.label.replace(PY_SPACE_RUNS, '_')
    if (label !== span.label)
      manifest.loss('labels with spaces', 'columns are space-separated; spaces written as _')
    for (let i = first; i <= last; i++) {
      tags[flat[i].sentence][flat[i].index] = `${i === first ? 'B' : 'I'}-${label}`
    }
  }
  return { tags, written }
}
