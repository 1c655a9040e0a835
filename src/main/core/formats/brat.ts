// brat standoff, import (the export is brat-export.ts). Reads a folder, the files, or a zip of
// `<stem>.txt`/`<stem>.ann` pairs, with the `annotation.conf` and `marginalia-documents.json` our
// export writes beside them when they are there. T lines become spans (offsets in code points;
// fragments split at line breaks are joined back), R lines relations, A/M lines attributes and `#`
// AnnotatorNotes text attributes. brat names are mapped back to ours through the mapping our
// export writes into annotation.conf (brat-names.ts), else through the project's schema, else
// through annotation.conf's abstract parents; titles, ids and metadata come from the sidecar
// (brat-documents.ts), else the stem is the title (and the id, when it is a valid one). Events,
// normalisations and equivalences have no place in the model and are reported as skipped.
import type { AnnotationSchema, AttributeValue, Span } from '../../../shared/model'
import { OffsetConverter } from '../../../shared/offsets'
import { BRAT_DOCUMENTS_FILE, readBratDocuments, type BratDocumentEntry } from './brat-documents'
import { BratNames, readBratNames } from './brat-names'
import { DocumentBuilder, ImportCollector, fileText, isId, stemOf } from './import-common'
import type { ImportFile, ImportFormatModule } from './import-types'
import { PY_LINE_BREAK_CLASS } from '../../../shared/python-chars'

/** What the brat names of one import stand for (written name → ours). */
interface Vocabulary {
  /** Entity type → layer and label. */
  types: Map<string, { layer: string; label: string }>
  /** Relation type → relation type id. */
  relations: Map<string, string>
  /** `owner \0 written attribute` → attribute name. */
  attributes: Map<string, string>
  /** `written attribute \0 written value` → enum value. */
  values: Map<string, string>
}

/** What every document of one import shares. */
interface BratContext {
  collector: ImportCollector
  schema: AnnotationSchema
  names: Vocabulary
  /** Entity type → its abstract parent in annotation.conf. */
  parents: Map<string, string>
  /** The sidecar's entries by file stem. */
  documents: Map<string, Partial<BratDocumentEntry>>
}

interface TextBoundLine {
  id: string
  type: string
  ranges: string
  text?: string
  ref: string
}

interface RelationLine {
  id: string
  type: string
  from: string
  to: string
}

/** The lines of one .ann file, by kind. */
interface AnnLines {
  textBound: TextBoundLine[]
  relations: RelationLine[]
  /** A and M lines and notes by target id: attribute name → value (`#name` for a note). */
  bags: Map<string, Record<string, AttributeValue>>
  notes: { target: string; text: string }[]
  unsupported: number
}

export const bratImport: ImportFormatModule = {
  name: 'brat',
  label: 'brat standoff',
  extensions: ['.ann', '.txt', '.conf', '.json', '.zip'],
  import(input, schema, options) {
    const collector = new ImportCollector(schema, options)
    const byStem = new Map<string, { txt?: ImportFile; ann?: ImportFile }>()
    let conf: ImportFile | undefined
    let sidecar: ImportFile | undefined
    for (const file of input.files) {
      const name = file.path.split('/').pop() ?? ''
      if (name === 'annotation.conf') conf = file
      else if (name === BRAT_DOCUMENTS_FILE) sidecar = file
      else if (name.endsWith('.txt') || name.endsWith('.ann')) {
        const key = file.path.slice(0, -4)
        const pair = byStem.get(key) ?? {}
        pair[name.endsWith('.txt') ? 'txt' : 'ann'] = file
        byStem.set(key, pair)
      }
    }
    const confText = conf ? fileText(conf) : ''
    const context: BratContext = {
      collector,
      schema,
      names: vocabulary(schema, confText),
      parents: confParents(confText),
      documents: sidecar
        ? readSidecar(collector, sidecar)
        : new Map<string, Partial<BratDocumentEntry>>(),
    }
    for (const [key, pair] of [...byStem].sort(([x], [y]) => x.localeCompare(y))) {
      if (!pair.txt) {
        collector.problem(pair.ann!.path, `no ${stemOf(key)}.txt beside it; skipped`)
        continue
      }
      importDocument(context, pair.txt, pair.ann)
    }
    return collector.result()
  },
}

/**
 * The names of this import: those our export wrote into annotation.conf (exact, whatever the
 * importing project's schema), then those the project's schema would be written with.
 */
function vocabulary(schema: AnnotationSchema, conf: string): Vocabulary {
  const v: Vocabulary = {
    types: new Map(),
    relations: new Map(),
    attributes: new Map(),
    values: new Map(),
  }
  const add = <T>(map: Map<string, T>, key: string, value: T) => {
    if (!map.has(key)) map.set(key, value)
  }
  for (const e of readBratNames(conf)) {
    if (e.kind === 'label' && e.owner !== undefined)
      add(v.types, e.written, { layer: e.owner, label: e.name })
    else if (e.kind === 'relation') add(v.relations, e.written, e.name)
    else if (e.kind === 'attribute' && e.owner !== undefined)
      add(v.attributes, `${e.owner}\u0000${e.written}`, e.name)
    else if (e.kind === 'value' && e.owner !== undefined)
      add(v.values, `${e.owner}\u0000${e.written}`, e.name)
  }
  const names = new BratNames(schema)
  for (const l of schema.layers) {
    for (const lab of l.labels)
      add(v.types, names.typeOf(l.id, lab.name), { layer: l.id, label: lab.name })
  }
  for (const t of schema.relationTypes) add(v.relations, names.relationOf(t.id), t.id)
  for (const owner of [...schema.layers, ...schema.relationTypes]) {
    for (const def of owner.attributes) {
      if (def.type === 'text') continue
      const attribute = names.attributeOf(owner.id, def.name)
      add(v.attributes, `${owner.id}\u0000${attribute}`, def.name)
      if (def.type !== 'enum') continue
      for (const value of def.values)
        add(v.values, `${attribute}\u0000${names.valueOf(attribute, value)}`, value)
    }
  }
  return v
}

/** The sidecar's entries; a sidecar that cannot be read is reported and not used. */
function readSidecar(
  collector: ImportCollector,
  file: ImportFile,
): Map<string, Partial<BratDocumentEntry>> {
  try {
    return readBratDocuments(fileText(file))
  } catch (error) {
    collector.problem(file.path, `${(error as Error).message}; titles and ids not restored`)
    return new Map()
  }
}

/** Entity type → its abstract parent in annotation.conf (our exports name the layer there). */
function confParents(conf: string): Map<string, string> {
  const parents = new Map<string, string>()
  let section = ''
  let parent: string | null = null
  for (const line of conf.split(/\r?\n/)) {
    if (/^\s*#/.test(line) || line.trim() === '') continue
    const header = /^\[(\w+)\]/.exec(line)
    if (header) {
      section = header[1]
      continue
    }
    if (section !== 'entities') continue
    const name = line.trim().replace(/^!/, '')
    if (/^\s/.test(line)) {
      if (parent) parents.set(name, parent)
    } else parent = name
  }
  return parents
}

function importDocument(context: BratContext, txt: ImportFile, ann: ImportFile | undefined): void {
  const { collector } = context
  const text = fileText(txt)
  const stem = stemOf(txt.path)
  const where = ann?.path ?? txt.path
  const entry = context.documents.get(stem) ?? {}
  const id = entry.id ?? stem
  const doc = new DocumentBuilder(collector, where, text, {
    title: entry.title ?? stem,
    metadata: entry.metadata ?? {},
    sourceId: id,
    ...(isId(id) ? { id } : {}),
  })
  const lines = readAnn(doc, ann ? fileText(ann) : '')
  const offsets = new OffsetConverter(text)
  const spans = new Map<string, Span>()
  for (const line of lines.textBound) {
    const span = addTextBound(context, doc, text, offsets, line)
    if (span) spans.set(line.id, span)
  }
  for (const note of lines.notes) addNote(context, lines, spans.get(note.target), note)
  for (const [id, span] of spans) {
    const bag = lines.bags.get(id)
    if (bag) doc.setAttributes(span, decodeAttrs(bag, span.layer, context.names), id)
  }
  for (const { id, type, from, to } of lines.relations) {
    const a = spans.get(from)
    const b = spans.get(to)
    if (!a || !b) {
      doc.problem(`${id}: an argument is missing; skipped`)
      continue
    }
    const typeId = context.names.relations.get(type) ?? type
    const attributes = decodeAttrs(lines.bags.get(id) ?? {}, typeId, context.names)
    doc.addRelation(a, b, typeId, attributes, { ref: id })
  }
  if (lines.unsupported > 0) {
    doc.problem(
      `${lines.unsupported} event, normalisation or equivalence lines are not supported; skipped`,
    )
  }
  doc.finish()
}

/** Sorts the lines of an .ann file by kind; a line not understood is reported and skipped. */
function readAnn(doc: DocumentBuilder, ann: string): AnnLines {
  const out: AnnLines = { textBound: [], relations: [], bags: new Map(), notes: [], unsupported: 0 }
  ann.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return
    const ref = `line ${i + 1}`
    // Only the first two tabs separate fields: a span's text may hold tabs of its own.
    const [id, body = '', rest] = splitTwoTabs(line)
    if (id.startsWith('T')) {
      const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(body)
      if (m) out.textBound.push({ id, type: m[1], ranges: m[2], text: rest, ref })
      else doc.problem(`${ref}: T line not understood; skipped`)
    } else if (id.startsWith('R')) {
      const m = /^(\S+) Arg1:(\S+) Arg2:(\S+)$/.exec(body)
      if (m) out.relations.push({ id, type: m[1], from: m[2], to: m[3] })
      else doc.problem(`${ref}: R line not understood; skipped`)
    } else if (id.startsWith('A') || id.startsWith('M')) {
      const [name, target, value] = body.split(' ')
      const bag = out.bags.get(target) ?? {}
      bag[name] = value === undefined ? true : value
      out.bags.set(target, bag)
    } else if (id.startsWith('#')) {
      const m = /^AnnotatorNotes (\S+)$/.exec(body)
      if (m && rest !== undefined) out.notes.push({ target: m[1], text: rest })
    } else out.unsupported++
  })
  return out
}

// What may lie between the fragments of one span: the line breaks our export splits at (those of
// brat's reader, Python's str.splitlines), and whitespace.
const FRAGMENT_GAP = new RegExp(`^[\\s${PY_LINE_BREAK_CLASS}]*$`)

/** Adds the span of a T line; fragments are joined back when only line breaks lie between. */
function addTextBound(
  context: BratContext,
  doc: DocumentBuilder,
  text: string,
  offsets: OffsetConverter,
  line: TextBoundLine,
): Span | null {
  const ref = `${line.ref} (${line.id})`
  const frags = line.ranges.split(';').map((p) => p.split(' ').map(Number) as [number, number])
  const cpLength = offsets.toCodePoint(text.length)
  if (frags.some(([s, e]) => !(s < e) || e > cpLength)) {
    doc.problem(`${line.ref}: ${line.id} range ${line.ranges} is not in the text; skipped`)
    return null
  }
  const slice = (s: number, e: number) => text.slice(offsets.toUtf16(s), offsets.toUtf16(e))
  const first = frags[0][0]
  const last = frags[frags.length - 1][1]
  let exact = line.text
  if (frags.length > 1) {
    const gapsAreBreaks = frags.slice(1).every(([s], k) => FRAGMENT_GAP.test(slice(frags[k][1], s)))
    const joined = frags.map(([s, e]) => slice(s, e)).join(' ')
    if (!gapsAreBreaks || (line.text !== undefined && joined !== line.text)) {
      doc.problem(
        `${line.ref}: ${line.id} is discontinuous; Marginalia spans are continuous; skipped`,
      )
      return null
    }
    exact = slice(first, last)
  }
  const mapped = context.names.types.get(line.type)
  return doc.addSpan({
    start: first,
    end: last,
    unit: 'codepoint',
    exact,
    layer: mapped?.layer ?? context.parents.get(line.type),
    label: mapped?.label ?? line.type,
    ref,
  })
}

/** Files an AnnotatorNotes line under its target: `name: text` for a named text attribute. */
function addNote(
  context: BratContext,
  lines: AnnLines,
  span: Span | undefined,
  note: { target: string; text: string },
): void {
  const named = /^([A-Za-z0-9_-]{1,64}): ([\s\S]*)$/.exec(note.text)
  const defs = context.schema.layers.find((l) => l.id === span?.layer)?.attributes ?? []
  const bag = lines.bags.get(note.target) ?? {}
  if (named && defs.some((d) => d.name === named[1] && d.type === 'text'))
    bag[`#${named[1]}`] = named[2]
  else bag['#note'] = note.text
  lines.bags.set(note.target, bag)
}

function splitTwoTabs(line: string): [string, string?, string?] {
  const first = line.indexOf('\t')
  if (first < 0) return [line]
  const second = line.indexOf('\t', first + 1)
  if (second < 0) return [line.slice(0, first), line.slice(first + 1)]
  return [line.slice(0, first), line.slice(first + 1, second), line.slice(second + 1)]
}

/** Maps brat attribute names and one-word values back to ours (`#name` keys are notes). */
function decodeAttrs(
  bag: Record<string, AttributeValue>,
  owner: string,
  names: Vocabulary,
): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {}
  for (const [key, value] of Object.entries(bag)) {
    if (key.startsWith('#')) {
      out[key.slice(1)] = value
      continue
    }
    const name = names.attributes.get(`${owner}\u0000${key}`) ?? key
    const written = typeof value === 'string' ? names.values.get(`${key}\u0000${value}`) : undefined
    out[name] = written ?? value
  }
  return out
}
