// A hand-written check of the hot shapes (spans, relations, blocks, a set of annotations, a
// document), accepting exactly what the zod validators of model.ts accept. Why: zod builds an
// output object and a path for every field, and over a document of 20,000 spans that cost more than
// parsing the JSON. The fast check only answers yes or no; when it says no, the zod validator runs
// to produce the message naming each field, so errors read the same either way. A property test
// (test/shared/fast-validate.test.ts) keeps the two in agreement.
import { z } from 'zod'
import {
  zAnnotations,
  zBlock,
  zDocument,
  zRelation,
  zSpan,
  type Annotations,
  type Block,
  type Document,
  type Relation,
  type Span,
} from './model'
import { isRecord } from './is-record'

const ID = /^[A-Za-z0-9_-]{1,64}$/
// The very pattern zod uses for `z.string().datetime({ offset: true })`.
const TIMESTAMP = z.regexes.datetime({ offset: true, local: false, precision: null })
const HASH = /^sha256:[0-9a-f]{64}$/
const BLOCK_TYPES = new Set(['heading', 'paragraph', 'blockquote', 'list_item'])
const METADATA_KEYS = ['outlet', 'url', 'author', 'publishedAt', 'siteName', 'importedFrom']

type Obj = Record<string, unknown>

const isObject: (v: unknown) => v is Obj = isRecord

/** zod's test for a record: an object whose prototype is Object's (or none). */
function isPlainObject(v: unknown): v is Obj {
  if (!isObject(v)) return false
  const ctor = (v as { constructor?: unknown }).constructor
  if (ctor === undefined || typeof ctor !== 'function') return true
  const proto: unknown = ctor.prototype
  return isObject(proto) && Object.prototype.hasOwnProperty.call(proto, 'isPrototypeOf')
}

/** Code points, counting a lone surrogate as one (as zod measures string lengths). */
function codePoints(s: string): number {
  let count = s.length
  for (let i = 0; i < s.length - 1; i++) {
    if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--
      i++
    }
  }
  return count
}

const isString = (v: unknown): v is string => typeof v === 'string'

/** Whether `v` is an array whose every index (holes included, as zod reads them) passes. */
function isArrayOf(v: unknown, check: (item: unknown) => boolean): boolean {
  if (!Array.isArray(v)) return false
  for (let i = 0; i < v.length; i++) if (!check(v[i])) return false
  return true
}
const isId = (v: unknown): boolean => typeof v === 'string' && ID.test(v)
const isTimestamp = (v: unknown): boolean => typeof v === 'string' && TIMESTAMP.test(v)
const isCount = (v: unknown): boolean => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0
const maxLength = (v: unknown, max: number): boolean =>
  typeof v === 'string' && (v.length <= max || codePoints(v) <= max)
const isName = (v: unknown): boolean => maxLength(v, 200) && (v as string).length > 0
const optional = (v: unknown, check: (v: unknown) => boolean): boolean =>
  v === undefined || check(v)

function isAttributeValue(v: unknown): boolean {
  return typeof v === 'string' || typeof v === 'boolean' || Number.isFinite(v)
}

/**
 * Whether every key of a record passes `key` and its value `value`, as zod reads a record: own
 * enumerable keys, `__proto__` skipped, an enumerable symbol key refused.
 */
function everyEntry(
  v: unknown,
  value: (item: unknown) => boolean,
  key: (name: string) => boolean = (name) => ID.test(name),
): boolean {
  if (!isPlainObject(v)) return false
  for (const name in v) {
    if (!Object.prototype.hasOwnProperty.call(v, name) || name === '__proto__') continue
    if (!key(name) || !value(v[name])) return false
  }
  const symbols = Object.getOwnPropertySymbols(v)
  return (
    symbols.length === 0 || !symbols.some((s) => Object.prototype.propertyIsEnumerable.call(v, s))
  )
}

const isAttributes = (v: unknown): boolean => everyEntry(v, isAttributeValue)

function isQuote(v: unknown): boolean {
  return isObject(v) && isString(v.exact) && isString(v.prefix) && isString(v.suffix)
}

/** Whether `v` is a span as `zSpan` accepts it. */
export function isSpan(v: unknown): v is Span {
  return (
    isObject(v) &&
    isId(v.id) &&
    isId(v.layer) &&
    isName(v.label) &&
    isCount(v.start) &&
    isCount(v.end) &&
    isQuote(v.quote) &&
    isAttributes(v.attributes) &&
    optional(v.entityId, isId) &&
    maxLength(v.annotator, 200) &&
    isTimestamp(v.createdAt) &&
    isTimestamp(v.updatedAt) &&
    optional(v.curatedBy, (c) => maxLength(c, 200))
  )
}

/** Whether `v` is a relation as `zRelation` accepts it. */
export function isRelation(v: unknown): v is Relation {
  return (
    isObject(v) &&
    isId(v.id) &&
    isId(v.type) &&
    isId(v.from) &&
    isId(v.to) &&
    isAttributes(v.attributes) &&
    maxLength(v.annotator, 200) &&
    isTimestamp(v.createdAt) &&
    isTimestamp(v.updatedAt) &&
    optional(v.curatedBy, (c) => maxLength(c, 200))
  )
}

/** Whether `v` is a block as `zBlock` accepts it. */
export function isBlock(v: unknown): v is Block {
  return (
    isObject(v) &&
    typeof v.type === 'string' &&
    BLOCK_TYPES.has(v.type) &&
    isCount(v.start) &&
    isCount(v.end) &&
    optional(v.level, (l) => Number.isSafeInteger(l) && (l as number) >= 1 && (l as number) <= 6)
  )
}

const isDocLabels = (v: unknown): boolean => everyEntry(v, (values) => isArrayOf(values, isString))

const isDocLabelMeta = (v: unknown): boolean =>
  everyEntry(
    v,
    (meta) =>
      isObject(meta) &&
      maxLength(meta.annotator, 200) &&
      isTimestamp(meta.updatedAt) &&
      optional(meta.curatedBy, (c) => maxLength(c, 200)),
  )

/** The suggestions an analyst rejected in a document, as `zSuggestionDecisions` accepts them. */
const isSuggestionDecisions = (v: unknown): boolean =>
  isObject(v) && isArrayOf(v.rejected, isId) && (v.rejected as unknown[]).length <= 100_000

/** Whether `v` is a set of annotations as `zAnnotations` accepts it. */
export function isAnnotations(v: unknown): v is Annotations {
  return (
    isObject(v) &&
    isArrayOf(v.spans, isSpan) &&
    isArrayOf(v.relations, isRelation) &&
    isDocLabels(v.docLabels) &&
    optional(v.docLabelMeta, isDocLabelMeta) &&
    optional(v.suggestions, isSuggestionDecisions)
  )
}

function isMetadata(v: unknown): boolean {
  return isObject(v) && METADATA_KEYS.every((key) => optional(v[key], isString))
}

/** Whether `v` is a document as `zDocument` accepts it. */
export function isDocument(v: unknown): v is Document {
  return (
    isObject(v) &&
    isId(v.id) &&
    maxLength(v.title, 1000) &&
    isMetadata(v.metadata) &&
    isString(v.text) &&
    isArrayOf(v.blocks, isBlock) &&
    typeof v.contentHash === 'string' &&
    HASH.test(v.contentHash) &&
    optional(v.addedAt, isTimestamp) &&
    optional(v.addedBy, (a) => maxLength(a, 200))
  )
}

/**
 * Checks `value` with the fast check and, only when it fails, with `schema` for the issues. Returns
 * zod's own result shape; on the fast path the value is returned as it is (unknown keys kept).
 */
export function checkFast<T>(
  value: unknown,
  fast: (v: unknown) => v is T,
  schema: z.ZodType<T>,
): { success: true; data: T } | { success: false; error: z.ZodError } {
  if (fast(value)) return { success: true, data: value }
  const parsed = schema.safeParse(value)
  return parsed.success ? { success: true, data: parsed.data } : parsed
}

/** The fast checks by the zod validator they stand for (for tests and callers that pick one). */
export const FAST_CHECKS = [
  { name: 'span', fast: isSpan, schema: zSpan },
  { name: 'relation', fast: isRelation, schema: zRelation },
  { name: 'block', fast: isBlock, schema: zBlock },
  { name: 'annotations', fast: isAnnotations, schema: zAnnotations },
  { name: 'document', fast: isDocument, schema: zDocument },
] as const

/**
 * `zAnnotations` for IPC payloads: the fast check first, zod's issues (with their paths) when it
 * fails, so `document:save` validates 20,000 spans in milliseconds.
 */
export const zAnnotationsFast = z.unknown().transform((value, ctx): Annotations => {
  if (isAnnotations(value)) return value
  const parsed = zAnnotations.safeParse(value)
  if (parsed.success) return parsed.data
  for (const issue of parsed.error.issues) {
    ctx.issues.push({ ...issue, input: value } as (typeof ctx.issues)[number])
  }
  return z.NEVER
})
