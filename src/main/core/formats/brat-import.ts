// brat standoff import (brat.ts writes it): a folder, the files, or a zip; `<stem>.txt` and
// `<stem>.ann` are paired by path. T lines become spans (offsets in code points; fragments split at
// line breaks are joined back), R lines relations, A/M lines attributes and `#` AnnotatorNotes text
// attributes. Type and attribute names are mapped back through the project's schema (bratNames),
// else through `annotation.conf`'s abstract parents (our exports name the layer there). A file stem
// that is a valid id is kept as the document's id (our export names files by it). Events,
// normalisations and equivalences have no place in the model and are reported as skipped.
import type { AnnotationSchema, AttributeDef, AttributeValue, Span } from '../../../shared/model'
import { OffsetConverter } from '../../../shared/offsets'
import { bratNames, valueWord, word } from './brat'
import { DocumentBuilder, ImportCollector, fileText, isId, stemOf } from './import-common'
import type { ImportFile, ImportFormatModule } from './import-types'

type Names = ReturnType<typeof bratNames>

/** What every document of one import shares. */
interface BratContext {
  collector: ImportCollector
  schema: AnnotationSchema
  names: Names
  /** brat type → the schema's layer and label it was written from. */
  typeToLabel: Map<string, { layer: string; label: string }>
  /** Entity type → its abstract parent in annotation.conf. */
  parents: Map<string, string>
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
  extensions: ['.ann', '.txt', '.conf', '.zip'],
  import(input, schema, options) {
    const collector = new ImportCollector(schema, options)
    const byStem = new Map<string, { txt?: ImportFile; ann?: ImportFile }>()
    let conf: ImportFile | undefined
    for (const file of input.files) {
      const name = file.path.split('/').pop() ?? ''
      if (name === 'annotation.conf') conf = file
      else if (name.endsWith('.txt') || name.endsWith('.ann')) {
        const key = file.path.slice(0, -4)
        const pair = byStem.get(key) ?? {}
        pair[name.endsWith('.txt') ? 'txt' : 'ann'] = file
        byStem.set(key, pair)
      }
    }
    const names = bratNames(schema)
    const typeToLabel = new Map<string, { layer: string; label: string }>()
    for (const l of schema.layers)
      for (const lab of l.labels)
        typeToLabel.set(names.typeOf(l.id, lab.name), { layer: l.id, label: lab.name })
    const parents = conf ? confParents(fileText(conf)) : new Map<string, string>()
    const context: BratContext = { collector, schema, names, typeToLabel, parents }
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
  const keep = isId(stem) ? { id: stem } : {}
  const doc = new DocumentBuilder(collector, where, text, { title: stem, sourceId: stem, ...keep })
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
    const defs = context.schema.layers.find((l) => l.id === span.layer)?.attributes ?? []
    if (bag) doc.setAttributes(span, decodeAttrs(bag, span.layer, defs, context.names), id)
  }
  for (const { id, type, from, to } of lines.relations) {
    const a = spans.get(from)
    const b = spans.get(to)
    if (!a || !b) {
      doc.problem(`${id}: an argument is missing; skipped`)
      continue
    }
    const typeId = context.schema.relationTypes.find((t) => word(t.id) === type)?.id ?? type
    const defs = context.schema.relationTypes.find((t) => t.id === typeId)?.attributes ?? []
    const bag = lines.bags.get(id) ?? {}
    const attributes = decodeAttrs(bag, typeId, defs, context.names)
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

// Characters brat's reader (Python's str.splitlines) breaks lines at, and whitespace: what may lie
// between the fragments of one span that our export split at line breaks.
// eslint-disable-next-line no-control-regex -- U+001C–U+001E are line breaks to Python
const FRAGMENT_GAP = /^[\s\u0085\u001c-\u001e]*$/

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
  const mapped = context.typeToLabel.get(line.type)
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

/** Maps brat attribute names and one-word values back to the schema's names and values. */
function decodeAttrs(
  bag: Record<string, AttributeValue>,
  owner: string,
  defs: AttributeDef[],
  names: Names,
): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {}
  for (const [key, value] of Object.entries(bag)) {
    if (key.startsWith('#')) {
      out[key.slice(1)] = value
      continue
    }
    const def = defs.find((d) => names.attributeOf(owner, d.name) === key)
    const name = def?.name ?? key
    if (def?.type === 'enum') out[name] = def.values.find((v) => valueWord(v) === value) ?? value
    else out[name] = value
  }
  return out
}
