// JSON Schemas (draft 2020-12) of the native files, generated from the zod model with zod's own
// `z.toJSONSchema`, so the published description is the validator Marginalia itself runs and
// cannot drift from it. `npm run schemas` writes them to schemas/ (committed; a test checks the
// committed files equal a fresh generation) and the native JSONL export embeds the line schema in
// its manifest. Rules JSON Schema cannot state (a span's offsets select its quote, ids are unique,
// a span's layer is in the schema) are given in each schema's description and in docs/FORMAT.md.
import { z } from 'zod'
import { JSONL_FORMAT_VERSION, zJsonlLine, zJsonlSpan } from './jsonl-line'
import {
  FORMAT_VERSION,
  zAnnotationSchema,
  zAttributeDef,
  zAttributes,
  zAttributeValue,
  zDocLabels,
  zDocumentFile,
  zEntity,
  zId,
  zLayer,
  zProjectFile,
  zQuote,
  zRelationType,
  zTimestamp,
} from './model'

type Meta = { id?: string; title?: string; description?: string }

/** Names and descriptions of the pieces the schemas share; named pieces go to `$defs`. */
function registry(): z.core.$ZodRegistry<Meta> {
  const reg = z.registry<Meta>()
  reg.add(zId, { id: 'Id', description: '1–64 letters, digits, "_" or "-".' })
  reg.add(zTimestamp, { id: 'Timestamp', description: 'ISO 8601 with a time zone.' })
  reg.add(zAttributeValue, { id: 'AttributeValue' })
  reg.add(zAttributes, {
    id: 'Attributes',
    description:
      "Attribute name → value, fitting the definitions of the span's layer or the relation's type; attributes not set are absent.",
  })
  reg.add(zAttributeDef, { id: 'AttributeDef' })
  reg.add(zLayer, { id: 'Layer' })
  reg.add(zRelationType, { id: 'RelationType' })
  reg.add(zAnnotationSchema, {
    id: 'AnnotationSchema',
    description:
      'What can be tagged: layers with their labels and attributes, relation types, document label sets.',
  })
  reg.add(zEntity, { id: 'Entity', description: 'An entry of the project-wide source registry.' })
  reg.add(zDocLabels, {
    id: 'DocLabels',
    description: 'Document labels: label set id → the chosen values.',
  })
  reg.add(zQuote, {
    id: 'Quote',
    description: 'The text of the range (exact) with up to 32 characters of context on each side.',
  })
  reg.add(zJsonlSpan.shape.start, {
    description: "Offset into the line's text, counted in the line's offset_unit.",
  })
  reg.add(zJsonlSpan.shape.text, {
    description: "The span's text: the line's text from start to end, counted in offset_unit.",
  })
  reg.add(zJsonlLine.shape.offset_unit, {
    description:
      'The unit of every offset on this line: utf16 = UTF-16 code units (JavaScript string indices), codepoint = Unicode code points (Python str indices).',
  })
  return reg
}

/** The `$id` of a published schema: a URN naming the file and its version. */
export function schemaId(name: string, version: string): string {
  return `urn:marginalia:schema:${name}:${version}`
}

function generate(
  schema: z.ZodType,
  io: 'input' | 'output',
  head: { id: string; title: string; description: string },
): Record<string, unknown> {
  const body = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    reused: 'inline',
    metadata: registry(),
  }) as Record<string, unknown>
  const { $schema, ...rest } = body
  return { $schema, $id: head.id, title: head.title, description: head.description, ...rest }
}

/** The JSON Schema of one line of the native JSONL export. */
export function jsonlLineJsonSchema(): Record<string, unknown> {
  return generate(zJsonlLine, 'output', {
    id: schemaId('jsonl-line', JSONL_FORMAT_VERSION),
    title: `Marginalia native JSONL line, version ${JSONL_FORMAT_VERSION}`,
    description:
      'One document per line: its text, spans, relations, document labels and the entities its spans refer to. ' +
      "Every offset counts the line's offset_unit, and for every span the line's text from start to end is the span's text. " +
      "The export's manifest (<file>.manifest.json) holds the project's annotation schema, which decodes layers, labels, attribute values, relation types and document label sets.",
  })
}

/** The JSON Schema of a project's project.json (as Marginalia reads it: unknown fields are dropped). */
export function projectJsonSchema(): Record<string, unknown> {
  return generate(zProjectFile, 'input', {
    id: schemaId('project', String(FORMAT_VERSION)),
    title: `Marginalia project.json, format version ${FORMAT_VERSION}`,
    description:
      'Project metadata, the annotation schema, the document index and the entity registry. See docs/FORMAT.md for the rules a JSON Schema cannot state (unique ids, relation ends naming existing layers).',
  })
}

/** The JSON Schema of a project's documents/<id>.json. */
export function documentJsonSchema(): Record<string, unknown> {
  return generate(zDocumentFile, 'input', {
    id: schemaId('document', String(FORMAT_VERSION)),
    title: `Marginalia documents/<id>.json, format version ${FORMAT_VERSION}`,
    description:
      'One document: its canonical text, blocks and annotations. Offsets are UTF-16 code units; for every span, text.slice(start, end) equals quote.exact. See docs/FORMAT.md.',
  })
}

/** Every published schema by its file name under schemas/. */
export function jsonSchemaFiles(): Record<string, Record<string, unknown>> {
  return {
    'jsonl-line.schema.json': jsonlLineJsonSchema(),
    'project.schema.json': projectJsonSchema(),
    'document.schema.json': documentJsonSchema(),
  }
}
