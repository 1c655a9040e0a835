// The internal model of a Marginalia project, as zod validators with the TypeScript types inferred
// from them, so the shapes that validate files on disk and IPC payloads are the only definition.
// Why one module: every format adapter, the storage layer and the renderer speak this model, and a
// second definition would drift. Offsets are JS string indices (UTF-16 code units) into the
// document's canonical text; see docs/FORMAT.md.
import { z } from 'zod'

/** A stable identifier: letters, digits, `_` and `-`, 1–64 characters. */
export const zId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, "_" or "-"')

/** ISO-8601 timestamp. */
export const zTimestamp = z.iso.datetime({ offset: true })

/** A display name: 1–200 characters (code points). */
export const zName = z.string().min(1).max(200)
const zColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #aabbcc')

// ---------------------------------------------------------------------------------------------
// Annotation schema (what can be tagged)

export const zAttributeDef = z.discriminatedUnion('type', [
  z.object({
    name: zId,
    type: z.literal('enum'),
    values: z.array(z.string().min(1)).min(1),
    default: z.string().optional(),
  }),
  z.object({ name: zId, type: z.literal('text') }),
  z.object({ name: zId, type: z.literal('boolean'), default: z.boolean().optional() }),
  z.object({
    name: zId,
    type: z.literal('number'),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().optional(),
    default: z.number().optional(),
  }),
])
export type AttributeDef = z.infer<typeof zAttributeDef>

export const zUnderline = z.enum(['solid', 'dashed', 'dotted', 'double', 'wavy'])

export const zLabelDef = z.object({ name: zName, color: zColor.optional() })
export type LabelDef = z.infer<typeof zLabelDef>

export const zLayer = z.object({
  id: zId,
  name: zName,
  color: zColor,
  underline: zUnderline,
  /** A single key (e.g. "1") that tags the selection with the layer's first label. */
  shortcut: z.string().max(1).optional(),
  labels: z.array(zLabelDef).min(1),
  attributes: z.array(zAttributeDef),
})
export type Layer = z.infer<typeof zLayer>

export const zRelationType = z.object({
  id: zId,
  name: zName,
  /** Layer ids allowed at the `from` end and at the `to` end. */
  from: z.array(zId).min(1),
  to: z.array(zId).min(1),
  attributes: z.array(zAttributeDef),
})
export type RelationType = z.infer<typeof zRelationType>

export const zLabelSet = z.object({
  id: zId,
  name: zName,
  values: z.array(z.string().min(1)).min(1),
  multiple: z.boolean(),
})
export type LabelSet = z.infer<typeof zLabelSet>

/**
 * Which layers and relation types play the parts of the attribution frame (claim, source, cue,
 * sentiment; claim→source and cue→claim relations). The claims table and "claim without a source"
 * checks read these roles, so a project may rename its layers and keep them.
 */
export const zFrame = z.object({
  claimLayer: zId,
  sourceLayer: zId,
  cueLayer: zId.optional(),
  sentimentLayer: zId.optional(),
  /** Relation type from a claim to its source. */
  attribution: zId,
  /** Relation type from a cue (the attribution verb) to its claim. */
  cueRelation: zId.optional(),
})
export type Frame = z.infer<typeof zFrame>

/**
 * One entry of the cue lexicon the suggestion engine uses (see src/shared/suggest/lexicon.ts): a
 * reporting verb or phrase. Its first word is inflected ("say" also finds says, said, saying;
 * "be quoted as saying" finds "was quoted as saying") unless `fixed` or explicit `forms` are given.
 */
export const zCueEntry = z.object({
  phrase: z.string().min(1).max(100),
  /** Surface forms to match instead of the inflected phrase. */
  forms: z.array(z.string().min(1).max(100)).max(50).optional(),
  /** Match the phrase exactly as written (no inflection): "according to", "in a statement". */
  fixed: z.boolean().optional(),
  /** Stance the cue gives its source (a value of the attribution relation's `stance`). */
  stance: z.string().min(1).max(100).optional(),
  /** `object`: the speaker is the noun phrase after the cue ("according to TASS"). */
  speaker: z.enum(['subject', 'object']).optional(),
  /** Proposed only when a quotation follows in the sentence ("called it “a disgrace”"). */
  quoteOnly: z.boolean().optional(),
  /** false: never proposed (set by an analyst, or by tuning after repeated rejections). */
  enabled: z.boolean().optional(),
})
export type CueEntry = z.infer<typeof zCueEntry>

/**
 * Optional settings of the suggestion engine, kept in the schema so a project's analysts share
 * them. Absent: the built-in lexicon and defaults.
 */
export const zSuggestionSettings = z.object({
  /** Entries added to the built-in cue lexicon, or overriding a built-in entry of the same phrase. */
  cues: z.array(zCueEntry).max(1000).optional(),
  /** Rejections (more than acceptances) after which a cue stops being proposed; default 3. */
  rejectLimit: z.number().int().min(1).max(1000).optional(),
  /**
   * Pre-annotate on import: every document added gets the engine's cues, quotations, claims and
   * sources (with their links) as annotations by `auto`. Off when absent.
   */
  preAnnotate: z.boolean().optional(),
  /**
   * How often analysts accepted and rejected each cue (normalised phrase → counts), summed over
   * the project; main adds to it and switches cues off or on from it (see tuneLexicon).
   */
  feedback: z
    .record(
      z.string().min(1).max(100),
      z.object({ accepted: z.number().int().min(0), rejected: z.number().int().min(0) }),
    )
    .optional(),
})
export type SuggestionSettings = z.infer<typeof zSuggestionSettings>

export const zAnnotationSchema = z.object({
  name: zName,
  layers: z.array(zLayer).min(1),
  relationTypes: z.array(zRelationType),
  labelSets: z.array(zLabelSet),
  frame: zFrame.optional(),
  suggestions: zSuggestionSettings.optional(),
})
export type AnnotationSchema = z.infer<typeof zAnnotationSchema>

// ---------------------------------------------------------------------------------------------
// Documents

export const zBlockType = z.enum(['heading', 'paragraph', 'blockquote', 'list_item'])
export type BlockType = z.infer<typeof zBlockType>

/** A block of the article as a range [start, end) of the canonical text. */
export const zBlock = z.object({
  type: zBlockType,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** Heading level 1–6, for headings. */
  level: z.number().int().min(1).max(6).optional(),
  /** Page (1-based) of the source file on which the block starts; PDF imports set it. */
  page: z.number().int().min(1).optional(),
})
export type Block = z.infer<typeof zBlock>

export const zDocumentMetadata = z.object({
  outlet: z.string().optional(),
  url: z.string().optional(),
  author: z.string().optional(),
  publishedAt: z.string().optional(),
  siteName: z.string().optional(),
  /** File name the document was imported from. */
  importedFrom: z.string().optional(),
})
export type DocumentMetadata = z.infer<typeof zDocumentMetadata>

export const zDocument = z.object({
  id: zId,
  title: z.string().max(1000),
  metadata: zDocumentMetadata,
  text: z.string(),
  blocks: z.array(zBlock),
  /** "sha256:<hex>" of the canonical text. */
  contentHash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  /** When the document was added to the project, and by which analyst (name); format 3. */
  addedAt: zTimestamp.optional(),
  addedBy: z.string().max(200).optional(),
})
export type Document = z.infer<typeof zDocument>

// ---------------------------------------------------------------------------------------------
// Annotations

export const zAttributeValue = z.union([z.string(), z.number(), z.boolean()])
export type AttributeValue = z.infer<typeof zAttributeValue>
export const zAttributes = z.record(zId, zAttributeValue)
export type Attributes = z.infer<typeof zAttributes>

/** The quoted text of a span with a little context on each side, to re-find and check it. */
export const zQuote = z.object({ exact: z.string(), prefix: z.string(), suffix: z.string() })
export type Quote = z.infer<typeof zQuote>

export const zSpan = z.object({
  id: zId,
  layer: zId,
  label: zName,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  quote: zQuote,
  attributes: zAttributes,
  /** Project-wide entity this span refers to (source registry). */
  entityId: zId.optional(),
  /** Who made it (an analyst's name), and when it was made and last changed. */
  annotator: z.string().max(200),
  createdAt: zTimestamp,
  updatedAt: zTimestamp,
  /** In the gold set: the curator who accepted it (`annotator` stays who made it). */
  curatedBy: z.string().max(200).optional(),
})
export type Span = z.infer<typeof zSpan>

export const zRelation = z.object({
  id: zId,
  type: zId,
  from: zId,
  to: zId,
  attributes: zAttributes,
  annotator: z.string().max(200),
  createdAt: zTimestamp,
  updatedAt: zTimestamp,
  /** In the gold set: the curator who accepted it. */
  curatedBy: z.string().max(200).optional(),
})
export type Relation = z.infer<typeof zRelation>

/** Document-level labels: label set id → chosen values. */
export const zDocLabels = z.record(zId, z.array(z.string()))
export type DocLabels = z.infer<typeof zDocLabels>

/**
 * Who chose each document label set's values, and when (label set id → record). The store stamps it
 * when a set's values change, so the renderer never has to send it.
 */
export const zDocLabelMeta = z.record(
  zId,
  z.object({
    annotator: z.string().max(200),
    updatedAt: zTimestamp,
    curatedBy: z.string().max(200).optional(),
  }),
)
export type DocLabelMeta = z.infer<typeof zDocLabelMeta>

/**
 * What an analyst decided about the suggestion engine's proposals in one document: the stable ids
 * (src/shared/suggest/ids.ts) of those rejected, never proposed to this analyst here again.
 */
export const zSuggestionDecisions = z.object({
  rejected: z.array(zId).max(100_000),
})
export type SuggestionDecisions = z.infer<typeof zSuggestionDecisions>

/** Everything an analyst adds to one document: one annotation set. */
export const zAnnotations = z.object({
  spans: z.array(zSpan),
  relations: z.array(zRelation),
  docLabels: zDocLabels,
  docLabelMeta: zDocLabelMeta.optional(),
  /** Suggestions rejected in this document (absent: none). */
  suggestions: zSuggestionDecisions.optional(),
})
export type Annotations = z.infer<typeof zAnnotations>

export const zEntity = z.object({
  id: zId,
  name: zName,
  kind: z.string().max(100),
  aliases: z.array(z.string()),
  note: z.string(),
})
export type Entity = z.infer<typeof zEntity>

// ---------------------------------------------------------------------------------------------
// The project as the app sees it. On disk (format 3) it is spread over many files, each written by
// one analyst (see model-files.ts and docs/FORMAT.md); the store folds them into these shapes.

export const PROJECT_FORMAT = 'marginalia-project'
export const DOCUMENT_FORMAT = 'marginalia-document'
/**
 * Current version of the project format; older projects are migrated when opened (see
 * storage/migrate*.ts). 1: the first format. 2: the default schema gains the Cue layer, the
 * `cue_of` relation, the `attribution` and `stance` attributes of `attributed_to`, and `frame`.
 * 3: one annotation set per analyst, and every shared change in a file of its own.
 */
export const FORMAT_VERSION = 3

/** A document as the project lists it (the sidebar, exports, de-duplication by content hash). */
export const zDocumentIndexEntry = z.object({
  id: zId,
  title: z.string().max(1000),
  /** Path of the document file relative to the project folder, always `documents/<id>.json`. */
  file: z.string().regex(/^documents\/[A-Za-z0-9_-]{1,64}\.json$/),
  contentHash: z.string(),
  addedAt: zTimestamp,
  /** The analyst who added it, when known (format 3). */
  addedBy: z.string().max(200).optional(),
})
export type DocumentIndexEntry = z.infer<typeof zDocumentIndexEntry>

/**
 * The project: project.json folded with every change file (schema additions, entities, titles,
 * removals) and the list of documents. `updatedAt` is the time of the latest change.
 */
export const zProject = z.object({
  format: z.literal(PROJECT_FORMAT),
  version: z.literal(FORMAT_VERSION),
  id: zId,
  name: zName,
  createdAt: zTimestamp,
  updatedAt: zTimestamp,
  schema: zAnnotationSchema,
  documents: z.array(zDocumentIndexEntry),
  entities: z.array(zEntity),
})
export type Project = z.infer<typeof zProject>
/** The project (the name is older than format 3, when it was one file). */
export const zProjectFile = zProject
export type ProjectFile = Project

/**
 * A document with one annotation set: what loading a document gives (the analyst's own set, or the
 * one asked for) and what exports read. `set` names the annotation set (an analyst id, or `gold`).
 * Format 2 stored exactly this in one file per document.
 */
export const zDocumentFile = z.object({
  format: z.literal(DOCUMENT_FORMAT),
  version: z.literal(FORMAT_VERSION),
  document: zDocument,
  annotations: zAnnotations,
  set: zId.optional(),
})
export type DocumentFile = z.infer<typeof zDocumentFile>
