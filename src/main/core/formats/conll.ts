// CoNLL-2003 style BIO token file, export only. One layer at a time: by default every layer is
// written to its own file `<layer>.conll`; the option `{layer: '<id>'}` writes just that one. Each
// line is `TOKEN _ _ TAG` (space-separated, as CoNLL-2003's word/POS/chunk/NER columns, with POS
// and chunk left empty), a blank line ends a sentence, and each document starts with
// `-DOCSTART- -X- -X- O`. Header comment lines (`# …`) name the tokeniser, the layer and the unit.
//
// BIO cannot hold everything, and each loss is counted in the manifest, never dropped silently:
// spans overlapping an earlier span of the same layer (the earlier, then longer, one is kept);
// spans whose edges fall inside a token (widened to whole tokens); spans covering no token; spans
// running across a sentence end (a new B- starts the next sentence); spaces in labels (written as
// `_`); attributes, relations, document labels and entity links.
import type { ExportFormatModule, ExportInput } from './types'
import { ManifestBuilder, checkAll, countExtras, optionsOf, safeStem } from './export-common'
import { TOKENISER_DESCRIPTION, sentences, tokenRange, type Token } from './tokenise'
import type { Span } from '../../../shared/model'

export interface ConllOptions {
  /** Write only this layer (its id); default: every layer, one file each. */
  layer: string
}

export const conllFormat: ExportFormatModule = {
  name: 'conll',
  label: 'CoNLL-2003 BIO',
  extension: '',
  offsetUnit: 'codepoint',
  export(input: ExportInput, onProgress) {
    const manifest = new ManifestBuilder('conll', 'conll-2003-bio', 'codepoint')
    const docs = checkAll(input, manifest, onProgress)
    const { schema } = input.project
    const only = optionsOf<ConllOptions>(input).layer
    const layers = only !== undefined ? schema.layers.filter((l) => l.id === only) : schema.layers
    if (only !== undefined && layers.length === 0) {
      manifest.problem('project.json', `layer ${only} is not in the schema; nothing written`)
    }
    const tokenised = docs.map((d) => sentences(d.file.document.text))
    const files = layers.map((layer) => {
      const out = [
        `# tokeniser: ${TOKENISER_DESCRIPTION}`,
        `# layer: ${layer.id} (${layer.name})`,
        '# offsets: tokens follow the text; spans were aligned to whole tokens',
        '',
      ]
      docs.forEach((doc, d) => {
        out.push('-DOCSTART- -X- -X- O', '')
        const layerSpans = doc.spans.filter((s) => s.layer === layer.id)
        const { tags, written } = tagDocument(tokenised[d], layerSpans, manifest)
        tokenised[d].forEach((sentence, k) => {
          sentence.forEach((token, j) => out.push(`${token.text} _ _ ${tags[k][j]}`))
          out.push('')
        })
        manifest.spans += written
      })
      return { path: `${safeStem(layer.id)}.conll`, data: `${out.join('\n')}\n` }
    })
    manifest.documents = docs.length
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
    if (only !== undefined) {
      const others = docs.reduce((n, d) => n + d.spans.filter((s) => s.layer !== only).length, 0)
      manifest.loss('spans of other layers', `only layer ${only} was written`, others)
    }
    return { files, manifest: manifest.build() }
  },
}

/** BIO tags for each token of each sentence, from one layer's spans; losses go to the manifest. */
function tagDocument(
  doc: Token[][],
  spans: Span[],
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
    const label = span.label.replace(/\s+/g, '_')
    if (label !== span.label)
      manifest.loss('labels with spaces', 'columns are space-separated; spaces written as _')
    let split = false
    for (let i = first; i <= last; i++) {
      const begins = i === first || flat[i].sentence !== flat[i - 1].sentence
      if (i !== first && begins) split = true
      tags[flat[i].sentence][flat[i].index] = `${begins ? 'B' : 'I'}-${label}`
    }
    if (split)
      manifest.loss(
        'spans across sentence ends',
        'BIO sentences are separate; a new B- starts the next sentence',
      )
  }
  return { tags, written }
}
