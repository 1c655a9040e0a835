// Checks that go beyond the shape of the data (which the zod validators in model.ts check): that
// annotations fit the project's schema and the document's text, that a schema is consistent with
// itself, and that a document's blocks are sound ranges of canonical text. Pure and
// environment-free, so the store, the CLI `validate` command and the renderer share one definition.
import { checkSpanAnchor } from './anchor'
import type {
  AnnotationSchema,
  Annotations,
  AttributeDef,
  AttributeValue,
  Block,
  Document,
  Entity,
  ProjectFile,
} from './model'

/** One problem, at a field path relative to the value checked (e.g. `spans[3].label`). */
export interface ValidationProblem {
  path: string
  message: string
  /** Id of the span, relation or layer concerned, when there is one. */
  id?: string
}

/** A problem in a document's annotations; `path` is relative to the annotations object. */
export type AnnotationProblem = ValidationProblem

/** Formats problems as "path: message" lines. */
export function formatProblems(problems: readonly ValidationProblem[]): string[] {
  return problems.map((p) => `${p.path}: ${p.message}`)
}

/**
 * Checks a document's annotations against the project schema and the document text: layers,
 * labels and attributes exist and hold allowed values; every span selects its quote; ids are
 * unique; relations have a known type and existing ends on allowed layers; document labels use
 * known sets and values. When `entities` is given, span entity ids must name one of them.
 */
export function validateAnnotations(
  schema: AnnotationSchema,
  document: Pick<Document, 'text'>,
  a: Annotations,
  entities?: readonly Pick<Entity, 'id'>[],
): AnnotationProblem[] {
  const layers = new Map(schema.layers.map((l) => [l.id, l]))
  const entityIds = entities ? new Set(entities.map((e) => e.id)) : null
  const spans = checkSpans(a.spans, layers, document.text, entityIds)
  return [
    ...spans.problems,
    ...checkRelations(a.relations, schema, layers, spans.byId),
    ...checkDocLabels(a.docLabels, schema),
  ]
}

type SpanOf = Annotations['spans'][number]
type LayerOf = AnnotationSchema['layers'][number]

/** Span problems (ids, anchors, entities, layers, labels, attributes), and the spans by id. */
function checkSpans(
  spans: Annotations['spans'],
  layers: ReadonlyMap<string, LayerOf>,
  text: string,
  entityIds: ReadonlySet<string> | null,
): { problems: AnnotationProblem[]; byId: Map<string, SpanOf> } {
  const problems: AnnotationProblem[] = []
  const byId = new Map<string, SpanOf>()
  spans.forEach((span, i) => {
    const at = `spans[${i}]`
    const add = (path: string, message: string) => problems.push({ path, message, id: span.id })
    if (byId.has(span.id)) add(`${at}.id`, `duplicate span id "${span.id}"`)
    else byId.set(span.id, span)
    const anchor = checkSpanAnchor(text, span)
    if (anchor) add(at, anchor.message)
    if (entityIds && span.entityId !== undefined && !entityIds.has(span.entityId)) {
      add(`${at}.entityId`, `unknown entity "${span.entityId}"`)
    }
    const layer = layers.get(span.layer)
    if (!layer) {
      add(`${at}.layer`, `unknown layer "${span.layer}"`)
      return
    }
    if (!layer.labels.some((l) => l.name === span.label)) {
      add(`${at}.label`, `layer "${layer.id}" has no label "${span.label}"`)
    }
    for (const p of checkAttributes(layer.attributes, span.attributes, `layer "${layer.id}"`)) {
      add(`${at}.attributes${p.path}`, p.message)
    }
  })
  return { problems, byId }
}

/** Relation problems: ids, types, ends that exist and sit on the layers the type allows. */
function checkRelations(
  relations: Annotations['relations'],
  schema: AnnotationSchema,
  layers: ReadonlyMap<string, LayerOf>,
  spansById: ReadonlyMap<string, SpanOf>,
): AnnotationProblem[] {
  const problems: AnnotationProblem[] = []
  const types = new Map(schema.relationTypes.map((t) => [t.id, t]))
  const relationIds = new Set<string>()
  relations.forEach((relation, i) => {
    const at = `relations[${i}]`
    const add = (path: string, message: string) => problems.push({ path, message, id: relation.id })
    if (relationIds.has(relation.id)) add(`${at}.id`, `duplicate relation id "${relation.id}"`)
    relationIds.add(relation.id)
    const type = types.get(relation.type)
    if (!type) add(`${at}.type`, `unknown relation type "${relation.type}"`)
    if (relation.from === relation.to) add(at, 'links a span to itself')
    for (const end of ['from', 'to'] as const) {
      const span = spansById.get(relation[end])
      if (!span) add(`${at}.${end}`, `no span with id "${relation[end]}"`)
      else if (type && layers.has(span.layer) && !type[end].includes(span.layer)) {
        add(
          `${at}.${end}`,
          `span "${span.id}" is on layer "${span.layer}"; "${type.id}" allows ${type[end]
            .map((l) => `"${l}"`)
            .join(', ')} at its ${end} end`,
        )
      }
    }
    if (type) {
      for (const p of checkAttributes(type.attributes, relation.attributes, `"${type.id}"`)) {
        add(`${at}.attributes${p.path}`, p.message)
      }
    }
  })
  return problems
}

/** Document label problems: known sets, known values, one value where the set holds one. */
function checkDocLabels(
  docLabels: Annotations['docLabels'],
  schema: AnnotationSchema,
): AnnotationProblem[] {
  const problems: AnnotationProblem[] = []
  const sets = new Map(schema.labelSets.map((s) => [s.id, s]))
  for (const [setId, values] of Object.entries(docLabels)) {
    const at = `docLabels.${setId}`
    const set = sets.get(setId)
    if (!set) {
      problems.push({ path: at, message: `unknown label set "${setId}"` })
      continue
    }
    if (!set.multiple && values.length > 1) {
      problems.push({
        path: at,
        message: `label set "${setId}" holds one value, not ${values.length}`,
      })
    }
    values.forEach((value, i) => {
      if (!set.values.includes(value)) {
        problems.push({
          path: `${at}[${i}]`,
          message: `label set "${setId}" has no value "${value}"`,
        })
      } else if (values.indexOf(value) !== i) {
        problems.push({ path: `${at}[${i}]`, message: `duplicate value "${value}"` })
      }
    })
  }
  return problems
}

/** Checks attribute values against their definitions; paths are `.name` suffixes. */
function checkAttributes(
  defs: readonly AttributeDef[],
  values: Record<string, AttributeValue>,
  owner: string,
): ValidationProblem[] {
  const problems: ValidationProblem[] = []
  const byName = new Map(defs.map((d) => [d.name, d]))
  for (const [name, value] of Object.entries(values)) {
    const def = byName.get(name)
    const message = def ? attributeValueProblem(def, value) : `${owner} has no attribute "${name}"`
    if (message) problems.push({ path: `.${name}`, message })
  }
  return problems
}

/** Why `value` does not fit the attribute definition, or null when it does. */
export function attributeValueProblem(def: AttributeDef, value: AttributeValue): string | null {
  switch (def.type) {
    case 'enum':
      if (typeof value !== 'string')
        return `expected one of the values of "${def.name}", got ${typeof value}`
      return def.values.includes(value)
        ? null
        : `"${value}" is not one of ${def.values.map((v) => `"${v}"`).join(', ')}`
    case 'text':
      return typeof value === 'string' ? null : `expected text, got ${typeof value}`
    case 'boolean':
      return typeof value === 'boolean' ? null : `expected true or false, got ${typeof value}`
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        return `expected a number, got ${typeof value === 'number' ? value : typeof value}`
      }
      if (def.integer && !Number.isInteger(value)) return `${value} is not a whole number`
      if (def.min !== undefined && value < def.min)
        return `${value} is below the minimum ${def.min}`
      if (def.max !== undefined && value > def.max)
        return `${value} is above the maximum ${def.max}`
      return null
  }
}

/**
 * Checks that a schema is consistent: unique ids and names, relation ends on existing layers,
 * attribute defaults that fit their definitions, distinct keyboard shortcuts.
 */
export function validateSchema(schema: AnnotationSchema): ValidationProblem[] {
  const problems: ValidationProblem[] = []
  const layerIds = new Set<string>()
  const shortcuts = new Map<string, string>()
  schema.layers.forEach((layer, i) => {
    const at = `layers[${i}]`
    if (layerIds.has(layer.id))
      problems.push({ path: `${at}.id`, message: `duplicate layer id "${layer.id}"`, id: layer.id })
    layerIds.add(layer.id)
    if (layer.shortcut) {
      const other = shortcuts.get(layer.shortcut)
      if (other) {
        problems.push({
          path: `${at}.shortcut`,
          message: `shortcut "${layer.shortcut}" is also used by layer "${other}"`,
          id: layer.id,
        })
      } else shortcuts.set(layer.shortcut, layer.id)
    }
    duplicates(layer.labels.map((l) => l.name)).forEach((j) =>
      problems.push({
        path: `${at}.labels[${j}].name`,
        message: `duplicate label "${layer.labels[j].name}"`,
        id: layer.id,
      }),
    )
    problems.push(...checkAttributeDefs(layer.attributes, `${at}.attributes`, layer.id))
  })
  const typeIds = new Set<string>()
  schema.relationTypes.forEach((type, i) => {
    const at = `relationTypes[${i}]`
    if (typeIds.has(type.id))
      problems.push({
        path: `${at}.id`,
        message: `duplicate relation type id "${type.id}"`,
        id: type.id,
      })
    typeIds.add(type.id)
    for (const end of ['from', 'to'] as const) {
      type[end].forEach((layerId, j) => {
        if (!layerIds.has(layerId)) {
          problems.push({
            path: `${at}.${end}[${j}]`,
            message: `unknown layer "${layerId}"`,
            id: type.id,
          })
        }
      })
    }
    problems.push(...checkAttributeDefs(type.attributes, `${at}.attributes`, type.id))
  })
  const setIds = new Set<string>()
  schema.labelSets.forEach((set, i) => {
    const at = `labelSets[${i}]`
    if (setIds.has(set.id))
      problems.push({ path: `${at}.id`, message: `duplicate label set id "${set.id}"`, id: set.id })
    setIds.add(set.id)
    duplicates(set.values).forEach((j) =>
      problems.push({
        path: `${at}.values[${j}]`,
        message: `duplicate value "${set.values[j]}"`,
        id: set.id,
      }),
    )
  })
  return problems
}

function checkAttributeDefs(
  defs: readonly AttributeDef[],
  at: string,
  id: string,
): ValidationProblem[] {
  const problems: ValidationProblem[] = []
  duplicates(defs.map((d) => d.name)).forEach((j) =>
    problems.push({
      path: `${at}[${j}].name`,
      message: `duplicate attribute "${defs[j].name}"`,
      id,
    }),
  )
  defs.forEach((def, j) => {
    if (def.type === 'enum') {
      duplicates(def.values).forEach((k) =>
        problems.push({
          path: `${at}[${j}].values[${k}]`,
          message: `duplicate value "${def.values[k]}"`,
          id,
        }),
      )
    }
    if (
      def.type === 'number' &&
      def.min !== undefined &&
      def.max !== undefined &&
      def.min > def.max
    ) {
      problems.push({ path: `${at}[${j}]`, message: `min ${def.min} is above max ${def.max}`, id })
    }
    if (def.type !== 'text' && def.default !== undefined) {
      const message = attributeValueProblem(def, def.default)
      if (message) problems.push({ path: `${at}[${j}].default`, message, id })
    }
  })
  return problems
}

/**
 * Checks that a document's text is canonical (no BOM, no CR) and its blocks are ascending,
 * non-overlapping ranges inside the text, with a level on each heading.
 */
export function validateDocument(document: Pick<Document, 'text' | 'blocks'>): ValidationProblem[] {
  const problems: ValidationProblem[] = []
  const { text, blocks } = document
  if (text.charCodeAt(0) === 0xfeff)
    problems.push({ path: 'text', message: 'starts with a byte-order mark' })
  const cr = text.indexOf('\r')
  if (cr !== -1)
    problems.push({
      path: 'text',
      message: `contains a carriage return at ${cr} (line ends must be LF)`,
    })
  let previous: Block | null = null
  blocks.forEach((block, i) => {
    const at = `blocks[${i}]`
    if (block.start > block.end)
      problems.push({ path: at, message: `reversed range ${block.start}–${block.end}` })
    else if (block.end > text.length) {
      problems.push({
        path: at,
        message: `range ${block.start}–${block.end} runs past the end of the text (${text.length})`,
      })
    } else if (previous && block.start < previous.end) {
      problems.push({
        path: at,
        message: `starts at ${block.start}, inside the previous block (which ends at ${previous.end})`,
      })
    }
    if (block.type === 'heading' && block.level === undefined) {
      problems.push({ path: `${at}.level`, message: 'a heading needs a level (1–6)' })
    }
    previous = block
  })
  return problems
}

/**
 * Checks a project file beyond its shape: its schema, unique document ids whose file is
 * `documents/<id>.json`, and unique entity ids. Paths are relative to the project file.
 */
export function validateProject(project: ProjectFile): ValidationProblem[] {
  const problems = validateSchema(project.schema).map((p) => ({ ...p, path: `schema.${p.path}` }))
  const ids = new Set<string>()
  project.documents.forEach((entry, i) => {
    const at = `documents[${i}]`
    if (ids.has(entry.id))
      problems.push({
        path: `${at}.id`,
        message: `duplicate document id "${entry.id}"`,
        id: entry.id,
      })
    ids.add(entry.id)
    if (entry.file !== `documents/${entry.id}.json`) {
      problems.push({
        path: `${at}.file`,
        message: `must be "documents/${entry.id}.json"`,
        id: entry.id,
      })
    }
  })
  duplicates(project.entities.map((e) => e.id)).forEach((i) =>
    problems.push({
      path: `entities[${i}].id`,
      message: `duplicate entity id "${project.entities[i].id}"`,
      id: project.entities[i].id,
    }),
  )
  return problems
}

/** Whether offset `at` falls between the two halves of a surrogate pair. */
/** Indices of values that already occurred earlier in the list. */
function duplicates(values: readonly string[]): number[] {
  const seen = new Set<string>()
  const out: number[] = []
  values.forEach((v, i) => {
    if (seen.has(v)) out.push(i)
    seen.add(v)
  })
  return out
}
