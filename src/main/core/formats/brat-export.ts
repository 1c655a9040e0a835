// brat standoff export. Per document a `<id>.txt` (the text) and `<id>.ann` (T, R, A and `#`
// AnnotatorNotes lines), plus `annotation.conf` and `visual.conf` generated from the schema and
// `marginalia-documents.json` (titles and metadata, brat-documents.ts); written as a folder, or as
// one `brat.zip` with the option `{zip: true}`. Offsets count code points (brat is a Python tool).
//
// brat's reader splits `.ann` files with Python's `str.splitlines()`, which breaks lines at \n,
// \r, \v, \f, U+001C–U+001E, U+0085, U+2028 and U+2029. None of them may appear inside a line: a
// span crossing one is written as fragments `start end;start end` around it (the importer joins
// them back), and in a note each becomes a space. Names follow brat's grammar (brat-names.ts);
// the mapping goes into annotation.conf as comments and into the manifest's `renamed`, and
// visual.conf shows the original names and colours.
//
// What brat cannot hold, reported in the manifest: line breaks at the very edge of a span,
// boolean attributes that are false (brat's binary attributes are simply absent), line breaks
// inside notes, document labels, entity links, annotator names and timestamps.
import type { AnnotationSchema, Attributes } from '../../../shared/model'
import { BRAT_DOCUMENTS_FILE, bratDocumentsSidecar, type BratDocumentEntry } from './brat-documents'
import { annotationConf, visualConf } from './brat-conf'
import { BratNames } from './brat-names'
import { exportFormat } from './define'
import {
  Extras,
  idLosses,
  ManifestBuilder,
  optionsOf,
  provenanceLosses,
  safeStem,
  type CheckedDocument,
} from './export-common'
import {
  PY_LINE_BREAK,
  PY_LINE_BREAK_RUNS,
  PY_OTHER_LINE_BREAKS,
} from '../../../shared/python-chars'
import { zipTime } from './zip-time'

export interface BratOptions {
  /** Write one `brat.zip` instead of a folder of files. */
  zip: boolean
}

/** A character brat's reader ends a line at (Python's `str.splitlines()`). */
export const BRAT_LINE_BREAK = PY_LINE_BREAK

/**
 * Whether the UTF-16 unit `c` may be a line break: every character of PY_LINE_BREAK_CLASS is
 * below U+0020, U+0085, U+2028 or U+2029. Only those reach the regular expression, which took
 * most of this export's own time when it saw every character of every span.
 */
function mayBreak(c: number): boolean {
  return c < 0x20 || c === 0x85 || c === 0x2028 || c === 0x2029
}

/** Splits [start, end) of `text` into runs without line breaks (UTF-16 offsets). */
export function fragments(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = []
  let from = start
  for (let i = start; i <= end; i++) {
    if (i === end || (mayBreak(text.charCodeAt(i)) && BRAT_LINE_BREAK.test(text[i]))) {
      if (i > from) out.push([from, i])
      from = i + 1
    }
  }
  return out
}

export const bratFormat = exportFormat({
  name: 'brat',
  label: 'brat standoff',
  extension: '',
  folderContents: 'a .txt and a .ann file per document, annotation.conf and visual.conf',
  offsetUnit: 'codepoint',
  open(context, out) {
    const manifest = new ManifestBuilder('brat', 'standoff-1.3', 'codepoint')
    const { schema } = context.project
    const writer = new AnnWriter(new BratNames(schema), schema, manifest)
    const zip = optionsOf<BratOptions>(context).zip
      ? out.zip('brat.zip', zipTime(context.project))
      : null
    const put = (path: string, text: string) => {
      const file = zip ? zip.entry(path) : out.file(path)
      file.write(text)
      file.close()
    }
    const sidecar: BratDocumentEntry[] = []
    const extras = new Extras()
    let otherBreaks = 0
    return {
      document(doc) {
        const { document } = doc.file
        const stem = safeStem(document.id)
        put(`${stem}.txt`, document.text)
        put(`${stem}.ann`, writer.document(doc))
        sidecar.push({
          file: stem,
          id: document.id,
          title: document.title,
          metadata: document.metadata,
        })
        extras.add(doc)
        otherBreaks += document.text.match(PY_OTHER_LINE_BREAKS)?.length ?? 0
      },
      finish() {
        // The configuration declares the names and attributes the documents used: written last.
        put('annotation.conf', annotationConf(schema, writer.names, writer.attributes))
        put('visual.conf', visualConf(schema, writer.names))
        put(BRAT_DOCUMENTS_FILE, bratDocumentsSidecar(sidecar))
        zip?.close()
        manifest.renamed.push(...writer.names.entries().filter((e) => e.name !== e.written))
        bratLosses(manifest, extras, otherBreaks)
        return manifest.build()
      },
    }
  },
})

function bratLosses(manifest: ManifestBuilder, extras: Extras, otherBreaks: number): void {
  manifest.loss(
    'document labels',
    'brat has no document-level labels; not written',
    extras.docLabels,
  )
  manifest.loss(
    'entity links',
    'brat normalisations are not written; entity links dropped',
    extras.entityLinks,
  )
  manifest.loss(
    'line breaks other than \\n in the text',
    "brat's reader (Python's splitlines) ends lines at them as at \\n: spans are written as " +
      'fragments around them and notes get a space instead',
    otherBreaks,
  )
  manifest.loss(
    'document titles and metadata',
    `brat has no place for them; kept in ${BRAT_DOCUMENTS_FILE}, which brat ignores and ` +
      "Marginalia's importer reads",
    manifest.documents,
  )
  idLosses(
    manifest,
    extras,
    { spans: true, relations: true },
    'brat names them T1, T2, … and R1, R2, … in each .ann file',
  )
  provenanceLosses(manifest, extras, { annotators: false, timestamps: 'none' }, 'brat')
}

/** How each brat attribute used in the export is declared in annotation.conf. */
export interface UsedAttribute {
  owner: string
  relation: boolean
  binary: boolean
}

/** Writes `.ann` files, collecting the names and attributes annotation.conf must declare. */
class AnnWriter {
  readonly attributes = new Map<string, UsedAttribute>()
  private lines: string[] = []
  private attributeCount = 0
  private noteCount = 0

  constructor(
    readonly names: BratNames,
    private readonly schema: AnnotationSchema,
    private readonly manifest: ManifestBuilder,
  ) {}

  /** The `.ann` text of one document. */
  document(doc: CheckedDocument): string {
    this.lines = []
    this.attributeCount = 0
    this.noteCount = 0
    const ids = this.spanLines(doc)
    this.relationLines(doc, ids)
    this.manifest.documents++
    return this.lines.length ? `${this.lines.join('\n')}\n` : ''
  }

  private spanLines({ file, spans, offsets }: CheckedDocument): Map<string, string> {
    const { text } = file.document
    const ids = new Map<string, string>()
    for (const span of spans) {
      const parts = fragments(text, span.start, span.end)
      if (parts.length === 0) {
        this.manifest.problem(
          `documents/${file.document.id}.json`,
          `span ${span.id} left out: it holds only line breaks`,
        )
        this.manifest.loss(
          'spans of line breaks only',
          'a brat fragment cannot be empty; not written',
        )
        continue
      }
      if (parts[0][0] !== span.start || parts[parts.length - 1][1] !== span.end) {
        this.manifest.loss(
          'line breaks at span edges',
          'a brat fragment cannot start or end on one; span written without them',
        )
      }
      const id = `T${ids.size + 1}`
      ids.set(span.id, id)
      const ranges = parts.map(([s, e]) => `${offsets.toCodePoint(s)} ${offsets.toCodePoint(e)}`)
      const covered = parts.map(([s, e]) => text.slice(s, e)).join(' ')
      const type = this.names.typeOf(span.layer, span.label)
      this.lines.push(`${id}\t${type} ${ranges.join(';')}\t${covered}`)
      this.attributeLines(id, { owner: span.layer, relation: false }, span.attributes)
      this.manifest.spans++
    }
    return ids
  }

  private relationLines({ relations }: CheckedDocument, ids: Map<string, string>): void {
    let r = 0
    for (const relation of relations) {
      const id = `R${++r}`
      const [from, to] = [ids.get(relation.from), ids.get(relation.to)]
      if (!from || !to) {
        this.manifest.loss('relations', 'an end span holds only line breaks; not written')
        continue
      }
      this.lines.push(`${id}\t${this.names.relationOf(relation.type)} Arg1:${from} Arg2:${to}`)
      this.attributeLines(id, { owner: relation.type, relation: true }, relation.attributes)
      this.manifest.relations++
    }
  }

  private attributeLines(
    target: string,
    owner: { owner: string; relation: boolean },
    values: Attributes,
  ): void {
    const owners = owner.relation ? this.schema.relationTypes : this.schema.layers
    const defs = owners.find((o) => o.id === owner.owner)?.attributes ?? []
    for (const [name, value] of Object.entries(values)) {
      const def = defs.find((d) => d.name === name)
      const kind = def?.type ?? (typeof value === 'string' ? 'text' : typeof value)
      if (kind === 'text') {
        this.note(target, name, String(value))
        continue
      }
      const attr = this.names.attributeOf(owner.owner, name)
      this.attributes.set(attr, { ...owner, binary: kind === 'boolean' })
      if (kind === 'boolean' && value === true) {
        this.lines.push(`A${++this.attributeCount}\t${attr} ${target}`)
      } else if (kind === 'boolean') {
        this.manifest.loss(
          'false boolean attributes',
          'brat binary attributes are absent when false; not written',
        )
      } else {
        const v = this.names.valueOf(attr, String(value))
        this.lines.push(`A${++this.attributeCount}\t${attr} ${target} ${v}`)
      }
    }
  }

  private note(target: string, name: string, note: string): void {
    if (BRAT_LINE_BREAK.test(note)) {
      this.manifest.loss('line breaks in notes', 'a brat line cannot hold one; written as spaces')
    }
    const body = note.replace(PY_LINE_BREAK_RUNS, ' ')
    const text = name === 'note' ? body : `${name}: ${body}`
    this.lines.push(`#${++this.noteCount}\tAnnotatorNotes ${target}\t${text}`)
  }
}
