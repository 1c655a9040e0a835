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
import { exportFormat } from './define'
import {
  Extras,
  ManifestBuilder,
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

export const conllFormat = exportFormat({
  name: 'conll',
  label: 'CoNLL-2003 BIO',
  extension: '',
  folderContents: 'a .conll file per layer',
  offsetUnit: 'codepoint',
  open(context, out) {
    const manifest = new ManifestBuilder('conll', 'conll-2003-bio', 'codepoint')
    manifest.tokeniser = TOKENISER_DESCRIPTION
    const { schema } = context.project
    const { layer: only, comments = false } = optionsOf<ConllOptions>(context)
    const layers = only !== undefined ? schema.layers.filter((l) => l.id === only) : schema.layers
    if (only !== undefined && layers.length === 0) {
      manifest.problem('project.json', `layer ${only} is not in the schema; nothing written`)
    }
    const files = layers.map((layer) => {
      const file = out.file(`${safeStem(layer.id)}.conll`)
      if (comments) file.write(`${headerLines(layer).join('\n')}\n`)
      return { layer, file }
    })
    const extras = new Extras()
    let otherLayers = 0
    return {
      document(doc) {
        const tokenised = sentences(doc.file.document.text, doc.spans)
        for (const { layer, file } of files) {
          file.write(documentLines(layer, doc, tokenised, comments, manifest))
        }
        manifest.documents++
        extras.add(doc)
        if (only !== undefined) otherLayers += doc.spans.filter((s) => s.layer !== only).length
      },
      finish() {
        for (const { file } of files) file.close()
        conllLosses(manifest, extras, only, otherLayers)
        return manifest.build()
      },
    }
  },
})

/** The `# …` lines that start a layer's file when comments are on. */
function headerLines(layer: Layer): string[] {
  return [
    `# tokeniser: ${TOKENISER_DESCRIPTION}`,
    `# layer: ${layer.id} (${layer.name.replace(PY_SPACE_RUNS, ' ')})`,
    '# offsets: tokens follow the text; spans were aligned to whole tokens',
    '',
  ]
}

/** One document's lines in a layer's file, each ending with a newline. */
function documentLines(
  layer: Layer,
  doc: CheckedDocument,
  tokenised: Token[][],
  comments: boolean,
  manifest: ManifestBuilder,
): string {
  const out = ['-DOCSTART- -X- -X- O', '']
  const layerSpans = doc.spans.filter((s) => s.layer === layer.id)
  const { tags, written } = tagDocument(tokenised, layerSpans, manifest)
  tokenised.forEach((sentence, k) => {
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
  return `${out.join('\n')}\n`
}

function conllLosses(
  manifest: ManifestBuilder,
  extra: Extras,
  only: string | undefined,
  otherLayers: number,
): void {
  const notHeld = 'BIO tags hold only a label per token; not written'
  manifest.loss('span attributes', notHeld, extra.spanAttributes)
  manifest.loss('relations', notHeld, extra.relations)
  manifest.loss('document labels', notHeld, extra.docLabels)
  manifest.loss('entity links', notHeld, extra.entityLinks)
  provenanceLosses(manifest, extra, { annotators: false, timestamps: 'none' }, 'CoNLL')
  if (only !== undefined) {
    manifest.loss('spans of other layers', `only layer ${only} was written`, otherLayers)
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
