// brat standoff, import (the export is brat-export.ts). Reads a folder, the files, or a zip of
// `<id>.txt`/`<id>.ann` pairs and an optional `annotation.conf`: T lines become spans (fragments
// `start end;start end` around line breaks, as our export writes them, are joined back), R lines
// relations, A/M lines attributes and `#` AnnotatorNotes text attributes. Offsets count code
// points. Type, attribute and value names are mapped back through the project's schema with the
// names our export gives them (brat-names.ts).
import type { AnnotationSchema, AttributeDef, AttributeValue, Span } from '../../../shared/model'
import { OffsetConverter } from '../../../shared/offsets'
import { bratNames, type BratNames } from './brat-names'
import { DocumentBuilder, ImportCollector, fileText, stemOf } from './import-common'
import type { ImportFile, ImportFormatModule } from './import-types'

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
    const parents = conf ? confParents(fileText(conf)) : new Map<string, string>()
    for (const [key, pair] of [...byStem].sort(([x], [y]) => x.localeCompare(y))) {
      if (!pair.txt) {
        collector.problem(pair.ann!.path, `no ${stemOf(key)}.txt beside it; skipped`)
        continue
      }
      importDocument(collector, pair.txt, pair.ann, parents)
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

// eslint-disable-next-line max-lines-per-function -- split on the importers branch (issue 10 item 11)
function importDocument(
  collector: ImportCollector,
  txt: ImportFile,
  ann: ImportFile | undefined,
  parents: Map<string, string>,
): void {
  const { schema } = collector
  const text = fileText(txt)
  const rawOffsets = new OffsetConverter(text)
  const stem = stemOf(txt.path)
  const where = ann?.path ?? txt.path
  const doc = new DocumentBuilder(collector, where, text, stem, {}, stem)
  const names = bratNames(schema)
  const typeToLabel = new Map<string, { layer: string; label: string }>()
  for (const l of schema.layers)
    for (const lab of l.labels)
      typeToLabel.set(names.typeOf(l.id, lab.name), { layer: l.id, label: lab.name })
  const spans = new Map<string, Span>()
  const pendingAttrs = new Map<string, Record<string, AttributeValue>>()
  const lines = ann ? fileText(ann).split(/\r?\n/) : []
  const relationLines: [string, string, string, string][] = []
  let unsupported = 0
  lines.forEach((line, i) => {
    if (line.trim() === '') return
    const ref = `line ${i + 1}`
    // Only the first two tabs separate fields: a span's text may hold tabs of its own.
    const [id, body = '', rest] = splitTwoTabs(line)
    const kind = id[0]
    if (kind === 'T') {
      const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(body)
      if (!m) return collector.problem(where, `${ref}: T line not understood; skipped`)
      const frags = m[2].split(';').map((p) => p.split(' ').map(Number) as [number, number])
      const cpLength = rawOffsets.toCodePoint(text.length)
      if (frags.some(([s, e]) => !(s < e) || e > cpLength)) {
        return collector.problem(where, `${ref}: ${id} range ${m[2]} is not in the text; skipped`)
      }
      const slices = frags.map(([s, e]) => text.slice(rawOffsets.toUtf16(s), rawOffsets.toUtf16(e)))
      const first = frags[0][0]
      const last = frags[frags.length - 1][1]
      const covering = text.slice(rawOffsets.toUtf16(first), rawOffsets.toUtf16(last))
      let exact: string | undefined = rest
      if (frags.length > 1) {
        const gapsAreBreaks = frags
          .slice(1)
          .every(([s], k) =>
            /^\s*$/.test(text.slice(rawOffsets.toUtf16(frags[k][1]), rawOffsets.toUtf16(s))),
          )
        if (!gapsAreBreaks || (rest !== undefined && slices.join(' ') !== rest)) {
          return collector.problem(
            where,
            `${ref}: ${id} is discontinuous; Marginalia spans are continuous; skipped`,
          )
        }
        exact = covering
      }
      const mapped = typeToLabel.get(m[1])
      const span = doc.addSpan({
        start: first,
        end: last,
        unit: 'codepoint',
        exact,
        layer: mapped?.layer ?? parents.get(m[1]),
        label: mapped?.label ?? m[1],
        ref: `${ref} (${id})`,
      })
      if (span) spans.set(id, span)
    } else if (kind === 'R') {
      const m = /^(\S+) Arg1:(\S+) Arg2:(\S+)$/.exec(body)
      if (!m) return collector.problem(where, `${ref}: R line not understood; skipped`)
      relationLines.push([id, m[1], m[2], m[3]])
    } else if (kind === 'A' || kind === 'M') {
      const [name, target, value] = body.split(' ')
      const bag = pendingAttrs.get(target) ?? {}
      bag[name] = value === undefined ? true : value
      pendingAttrs.set(target, bag)
    } else if (kind === '#') {
      const m = /^AnnotatorNotes (\S+)$/.exec(body)
      if (!m || rest === undefined) return
      const note = /^([A-Za-z0-9_-]{1,64}): ([\s\S]*)$/.exec(rest)
      const bag = pendingAttrs.get(m[1]) ?? {}
      const owner = spans.get(m[1])?.layer
      const defs = schema.layers.find((l) => l.id === owner)?.attributes ?? []
      if (note && defs.some((d) => d.name === note[1] && d.type === 'text'))
        bag[`#${note[1]}`] = note[2]
      else bag['#note'] = rest
      pendingAttrs.set(m[1], bag)
    } else unsupported++
  })
  if (unsupported > 0) {
    collector.problem(
      where,
      `${unsupported} event, normalisation or equivalence lines are not supported; skipped`,
    )
  }
  for (const [id, type, from, to] of relationLines) {
    const a = spans.get(from)
    const b = spans.get(to)
    if (!a || !b) {
      collector.problem(where, `${id}: an argument is missing; skipped`)
      continue
    }
    const relation = doc.addRelation(a, b, typeFromWord(schema, type))
    const bag = pendingAttrs.get(id)
    if (bag) {
      const defs = schema.relationTypes.find((t) => t.id === relation.type)?.attributes ?? []
      relation.attributes = collector.attributes(
        { relationType: relation.type },
        decodeAttrs(bag, relation.type, defs, names),
        where,
      )
    }
  }
  for (const [id, span] of spans) {
    const bag = pendingAttrs.get(id)
    if (!bag) continue
    const defs = schema.layers.find((l) => l.id === span.layer)?.attributes ?? []
    span.attributes = collector.attributes(
      { layer: span.layer },
      decodeAttrs(bag, span.layer, defs, names),
      where,
    )
  }
  doc.finish()
}

function splitTwoTabs(line: string): [string, string?, string?] {
  const first = line.indexOf('\t')
  if (first < 0) return [line]
  const second = line.indexOf('\t', first + 1)
  if (second < 0) return [line.slice(0, first), line.slice(first + 1)]
  return [line.slice(0, first), line.slice(first + 1, second), line.slice(second + 1)]
}

function typeFromWord(schema: AnnotationSchema, type: string): string {
  const names = bratNames(schema)
  return schema.relationTypes.find((t) => names.relationOf(t.id) === type)?.id ?? type
}

/** Maps brat attribute names and one-word values back to the schema's names and values. */
function decodeAttrs(
  bag: Record<string, AttributeValue>,
  owner: string,
  defs: AttributeDef[],
  names: BratNames,
): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {}
  for (const [key, value] of Object.entries(bag)) {
    if (key.startsWith('#')) {
      out[key.slice(1)] = value
      continue
    }
    const def = defs.find((d) => names.attributeOf(owner, d.name) === key)
    const name = def?.name ?? key
    if (def?.type === 'enum')
      out[name] =
        def.values.find((v) => names.valueOf(names.attributeOf(owner, name), v) === value) ?? value
    else out[name] = value
  }
  return out
}
