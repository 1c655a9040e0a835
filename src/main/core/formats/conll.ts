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
import type { TextOut } from './types'
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
        const plain = plainLines(tokenised) // once per document, shared by every layer's file
        for (const { layer, file } of files)
          writeDocument(file, layer, doc, plain, comments, manifest)
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

/** A document's lines with every tag O, and where each token's tag is in them. */
interface PlainLines {
  tokenised: Token[][]
  tokens: Token[]
  /** `-DOCSTART-`, then each sentence's token lines and an empty line, each ending with `\n`. */
  text: string
  /** The index in `text` of each token's tag (its `O`). */
  tagAt: number[]
}

const PLAIN_TAG = ' _ _ O'

/**
 * The lines of a document before any tag, as one string: most tokens are O in every layer, so each
 * layer's file takes pieces of this string and writes only its tagged tokens' tags.
 */
function plainLines(tokenised: Token[][]): PlainLines {
  const lines = ['-DOCSTART- -X- -X- O', '']
  let length = lines[0].length + 2 // both lines and their newlines
  const tokens: Token[] = []
  const tagAt: number[] = []
  for (const sentence of tokenised) {
    for (const token of sentence) {
      tokens.push(token)
      const line = token.text + PLAIN_TAG
      tagAt.push(length + line.length - 1)
      lines.push(line)
      length += line.length + 1
    }
    lines.push('')
    length++
  }
  lines.push('') // the newline after the last line
  return { tokenised, tokens, text: lines.join('\n'), tagAt }
}

/** Writes one document's lines to a layer's file, each ending with a newline. */
function writeDocument(
  file: TextOut,
  layer: Layer,
  doc: CheckedDocument,
  plain: PlainLines,
  comments: boolean,
  manifest: ManifestBuilder,
): void {
  const layerSpans = doc.spans.filter((s) => s.layer === layer.id)
  const { tokens, tagAt, text } = plain
  const tagged = tagDocument(tokens, layerSpans, manifest)
  if (comments) {
    for (const sentence of plain.tokenised) {
      if (!sentence[0].text.startsWith('#')) continue
      manifest.loss(
        'sentences starting with a # token',
        'with comments on, a CoNLL-U-aware reader takes their first line for a comment',
      )
    }
  }
  // The plain text up to each tagged token's O, its tag, and on after the O, written at once:
  // a write per piece cost an encoder call each.
  let lines = ''
  let from = 0
  for (const { first, last, label } of tagged) {
    const inside = `I-${label}`
    for (let i = first; i <= last; i++) {
      lines += text.slice(from, tagAt[i]) + (i === first ? `B-${label}` : inside)
      from = tagAt[i] + 1
    }
  }
  file.write(from === 0 ? text : lines + text.slice(from))
  manifest.spans += tagged.length
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

/**
 * The spans of one layer that get BIO tags, as token ranges with their label, in order and not
 * overlapping; losses go to the manifest.
 */
function tagDocument(
  tokens: Token[],
  spans: readonly Span[],
  manifest: ManifestBuilder,
): { first: number; last: number; label: string }[] {
  const placed: { span: Span; first: number; last: number }[] = []
  for (const span of spans) {
    const range = tokenRange(tokens, span.start, span.end)
    if (!range) manifest.loss('spans covering no token', 'a BIO tag needs a token; not written')
    else {
      if (!range.aligned) manifest.loss('spans not aligned to tokens', 'widened to whole tokens')
      placed.push({ span, first: range.first, last: range.last })
    }
  }
  placed.sort((a, b) => a.first - b.first || b.last - a.last)
  let lastEnd = -1
  const tagged: { first: number; last: number; label: string }[] = []
  for (const { span, first, last } of placed) {
    if (first <= lastEnd) {
      manifest.loss(
        'overlapping spans',
        'BIO holds one span per token in a layer; the earlier (then longer) span was kept',
      )
      continue
    }
    lastEnd = last
    const label = span.label.replace(PY_SPACE_RUNS, '_')
    if (label !== span.label)
      manifest.loss('labels with spaces', 'columns are space-separated; spaces written as _')
    tagged.push({ first, last, label })
  }
  return tagged
}
