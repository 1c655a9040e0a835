// brat standoff export (brat-import.ts reads it back). Per document a `<id>.txt` (the text) and `<id>.ann` (T, R, A
// and `#` AnnotatorNotes lines), plus an `annotation.conf` generated from the schema; written as a
// folder, or as one `brat.zip` with the option `{zip: true}`. Offsets count code points (brat is a
// Python tool). A T line's text cannot hold a line break, so a span crossing lines is written as
// fragments `start end;start end` around each `\n`; the importer joins them back.
//
// What brat cannot hold, reported in the manifest: line breaks at the very edge of a span (a
// fragment cannot start or end on one), boolean attributes that are false (brat's binary
// attributes are simply absent), line breaks inside notes (written as spaces), document labels and
// entity links. Types, attribute names and enum values must be single words in brat: other
// characters become `_`, and the importer maps them back through the project's schema.
import { strToU8, zipSync } from 'fflate'
import type { AnnotationSchema, AttributeDef, Attributes } from '../../../shared/model'
import type { ExportFormatModule, ExportInput } from './types'
import {
  ManifestBuilder,
  checkAll,
  countExtras,
  optionsOf,
  safeStem,
  type CheckedDocument,
} from './export-common'

export interface BratOptions {
  /** Write one `brat.zip` instead of a folder of files. */
  zip: boolean
}

/** A brat name: one word of letters, digits, `_` and `-`. */
export function word(value: string): string {
  return value.replace(/[^\p{L}\p{N}_-]+/gu, '_') || '_'
}

/** A brat attribute value: no whitespace (the .ann separator) and no `|` or `,` (the .conf's). */
export function valueWord(value: string): string {
  return value.replace(/[\s|,]+/g, '_') || '_'
}

/**
 * The brat names of a schema: entity type per layer/label, attribute name per owner/attribute. A
 * label keeps its own name unless another layer uses the same one; an attribute keeps its name
 * unless another layer or relation type has one of the same name.
 */
export function bratNames(schema: AnnotationSchema) {
  const types = new Map<string, string>()
  const used = new Set<string>()
  const owners = new Map<string, number>()
  for (const l of schema.layers)
    for (const lab of l.labels) owners.set(word(lab.name), (owners.get(word(lab.name)) ?? 0) + 1)
  const typeOf = (layer: string, label: string): string => {
    const key = `${layer}\u0000${label}`
    let name = types.get(key)
    if (name) return name
    name = word(label)
    if ((owners.get(name) ?? 0) > 1 || used.has(name)) name = word(`${layer}_${label}`)
    for (let n = 2; used.has(name); n++) name = word(`${layer}_${label}_${n}`)
    types.set(key, name)
    used.add(name)
    return name
  }
  for (const l of schema.layers) for (const lab of l.labels) typeOf(l.id, lab.name)
  const attrOwners = new Map<string, number>()
  for (const o of [...schema.layers, ...schema.relationTypes]) {
    for (const a of o.attributes) attrOwners.set(a.name, (attrOwners.get(a.name) ?? 0) + 1)
  }
  const attributeOf = (owner: string, name: string): string =>
    (attrOwners.get(name) ?? 0) > 1 ? `${owner}_${name}` : name
  return { typeOf, attributeOf }
}

/** Splits [start, end) of `text` into runs without line breaks (UTF-16 offsets). */
function fragments(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = []
  let from = start
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === '\n') {
      if (i > from) out.push([from, i])
      from = i + 1
    }
  }
  return out
}

export const bratFormat: ExportFormatModule = {
  name: 'brat',
  label: 'brat standoff',
  extension: '',
  offsetUnit: 'codepoint',
  export(input: ExportInput, onProgress) {
    const manifest = new ManifestBuilder('brat', 'standoff-1.3', 'codepoint')
    const docs = checkAll(input, manifest, onProgress)
    const { schema } = input.project
    const names = bratNames(schema)
    const usedValues = new Map<string, Set<string>>()
    const typeLayer = new Map<string, string>()
    const files: { path: string; data: string }[] = []
    for (const doc of docs) {
      const stem = safeStem(doc.file.document.id)
      files.push({ path: `${stem}.txt`, data: doc.file.document.text })
      files.push({
        path: `${stem}.ann`,
        data: annLines(doc, schema, names, manifest, usedValues, typeLayer),
      })
    }
    files.unshift({
      path: 'annotation.conf',
      data: annotationConf(schema, names, usedValues, typeLayer),
    })
    const extra = countExtras(docs)
    manifest.loss(
      'document labels',
      'brat has no document-level labels; not written',
      extra.docLabels,
    )
    manifest.loss(
      'entity links',
      'brat normalisations are not written; entity links dropped',
      extra.entityLinks,
    )
    const output = optionsOf<BratOptions>(input).zip
      ? [
          {
            path: 'brat.zip',
            data: zipSync(Object.fromEntries(files.map((f) => [f.path, strToU8(f.data)]))),
          },
        ]
      : files
    return { files: output, manifest: manifest.build() }
  },
}

function annLines(
  { file, spans, relations, offsets }: CheckedDocument,
  schema: AnnotationSchema,
  names: ReturnType<typeof bratNames>,
  manifest: ManifestBuilder,
  usedValues: Map<string, Set<string>>,
  typeLayer: Map<string, string>,
): string {
  const { text } = file.document
  const lines: string[] = []
  const ids = new Map<string, string>()
  let a = 0
  let notes = 0
  const attributeLines = (
    target: string,
    owner: string,
    defs: AttributeDef[],
    values: Attributes,
  ) => {
    for (const [name, value] of Object.entries(values)) {
      const def = defs.find((d) => d.name === name)
      const kind = def?.type ?? (typeof value === 'string' ? 'text' : typeof value)
      if (kind === 'text') {
        const note = String(value)
        if (/[\n\r]/.test(note))
          manifest.loss('line breaks in notes', 'a brat line cannot hold one; written as spaces')
        const body = note.replace(/\r?\n|\r/g, ' ')
        lines.push(
          `#${++notes}\tAnnotatorNotes ${target}\t${name === 'note' ? body : `${name}: ${body}`}`,
        )
      } else if (kind === 'boolean') {
        if (value === true) lines.push(`A${++a}\t${names.attributeOf(owner, name)} ${target}`)
        else
          manifest.loss(
            'false boolean attributes',
            'brat binary attributes are absent when false; not written',
          )
      } else {
        const attr = names.attributeOf(owner, name)
        const v = valueWord(String(value))
        if (!usedValues.has(attr)) usedValues.set(attr, new Set())
        usedValues.get(attr)!.add(v)
        lines.push(`A${++a}\t${attr} ${target} ${v}`)
      }
    }
  }
  let t = 0
  for (const span of spans) {
    const parts = fragments(text, span.start, span.end)
    if (parts.length === 0) {
      manifest.problem(
        `documents/${file.document.id}.json`,
        `span ${span.id} left out: it holds only line breaks`,
      )
      manifest.loss('spans of line breaks only', 'a brat fragment cannot be empty; not written')
      continue
    }
    if (parts[0][0] !== span.start || parts[parts.length - 1][1] !== span.end) {
      manifest.loss(
        'line breaks at span edges',
        'a brat fragment cannot start or end on one; span written without them',
      )
    }
    const id = `T${++t}`
    ids.set(span.id, id)
    const type = names.typeOf(span.layer, span.label)
    typeLayer.set(type, span.layer)
    const ranges = parts
      .map(([s, e]) => `${offsets.toCodePoint(s)} ${offsets.toCodePoint(e)}`)
      .join(';')
    lines.push(`${id}\t${type} ${ranges}\t${parts.map(([s, e]) => text.slice(s, e)).join(' ')}`)
    const defs = schema.layers.find((l) => l.id === span.layer)?.attributes ?? []
    attributeLines(id, span.layer, defs, span.attributes)
    manifest.spans++
  }
  let r = 0
  for (const relation of relations) {
    const from = ids.get(relation.from)
    const to = ids.get(relation.to)
    if (!from || !to) {
      manifest.problem(
        `documents/${file.document.id}.json`,
        `relation ${relation.id} left out: an end was not written`,
      )
      continue
    }
    const id = `R${++r}`
    lines.push(`${id}\t${word(relation.type)} Arg1:${from} Arg2:${to}`)
    const defs = schema.relationTypes.find((x) => x.id === relation.type)?.attributes ?? []
    attributeLines(id, relation.type, defs, relation.attributes)
    manifest.relations++
  }
  manifest.documents++
  return lines.length ? `${lines.join('\n')}\n` : ''
}

function annotationConf(
  schema: AnnotationSchema,
  names: ReturnType<typeof bratNames>,
  usedValues: Map<string, Set<string>>,
  typeLayer: Map<string, string>,
): string {
  const lines = ['# Generated by Marginalia from the project schema.', '[entities]']
  const layerTypes = new Map<string, string[]>()
  for (const l of schema.layers)
    layerTypes.set(
      l.id,
      l.labels.map((lab) => names.typeOf(l.id, lab.name)),
    )
  for (const [type, layer] of typeLayer) {
    const list = layerTypes.get(layer) ?? []
    if (!list.includes(type)) list.push(type)
    layerTypes.set(layer, list)
  }
  const allTypes = new Set([...layerTypes.values()].flat())
  for (const [layer, types] of layerTypes) {
    // An abstract parent per layer (not annotatable), unless its name is already a type.
    const parent = allTypes.has(word(layer)) ? null : word(layer)
    if (parent) lines.push(`!${parent}`)
    for (const type of types) lines.push(`${parent ? '\t' : ''}${type}`)
  }
  lines.push('', '[relations]', '<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>')
  const typesOf = (layerIds: string[]) =>
    layerIds.flatMap((id) => layerTypes.get(id) ?? []).join('|') || '<ENTITY>'
  for (const t of schema.relationTypes) {
    lines.push(`${word(t.id)}\tArg1:${typesOf(t.from)}, Arg2:${typesOf(t.to)}`)
  }
  lines.push('', '[events]', '', '[attributes]')
  const owners: { id: string; attributes: AttributeDef[]; args: string }[] = [
    ...schema.layers.map((l) => ({ id: l.id, attributes: l.attributes, args: typesOf([l.id]) })),
    ...schema.relationTypes.map((t) => ({ id: t.id, attributes: t.attributes, args: word(t.id) })),
  ]
  const seen = new Set<string>()
  for (const owner of owners) {
    for (const def of owner.attributes) {
      if (def.type === 'text') continue // notes go to AnnotatorNotes lines
      const name = names.attributeOf(owner.id, def.name)
      if (seen.has(name)) continue
      seen.add(name)
      const values = new Set<string>(def.type === 'enum' ? def.values.map(valueWord) : [])
      if (
        def.type === 'number' &&
        def.integer &&
        def.min !== undefined &&
        def.max !== undefined &&
        def.max - def.min <= 100
      ) {
        for (let n = def.min; n <= def.max; n++) values.add(String(n))
      }
      for (const v of usedValues.get(name) ?? []) values.add(v)
      const value =
        def.type === 'boolean' || values.size === 0 ? '' : `, Value:${[...values].join('|')}`
      lines.push(`${name}\tArg:${owner.args}${value}`)
    }
  }
  return `${lines.join('\n')}\n`
}
