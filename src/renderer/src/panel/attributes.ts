// Attribute values as the panel edits them: parsing form input into the model's values (numbers
// checked against the schema's min/max/integer) and producing a new attribute map, so an invalid
// entry never reaches the document and a cleared field removes the attribute.
import type { AttributeDef, Attributes, AttributeValue } from '../../../shared/model'

export type ParsedValue =
  { ok: true; value: AttributeValue | undefined } | { ok: false; error: string }

/** Parses what the user typed into a number field; empty clears the attribute. */
export function parseNumber(
  raw: string,
  def: Extract<AttributeDef, { type: 'number' }>,
): ParsedValue {
  const trimmed = raw.trim()
  if (trimmed === '') return { ok: true, value: undefined }
  const n = Number(trimmed)
  if (!Number.isFinite(n)) return { ok: false, error: 'Enter a number' }
  if (def.integer && !Number.isInteger(n)) return { ok: false, error: 'Enter a whole number' }
  if (def.min !== undefined && n < def.min) return { ok: false, error: `At least ${def.min}` }
  if (def.max !== undefined && n > def.max) return { ok: false, error: `At most ${def.max}` }
  return { ok: true, value: n }
}

/** A copy of `attributes` with `name` set to `value`, or removed when `value` is undefined. */
export function withAttribute(
  attributes: Attributes,
  name: string,
  value: AttributeValue | undefined,
): Attributes {
  const next: Attributes = { ...attributes }
  if (value === undefined || value === '') delete next[name]
  else next[name] = value
  return next
}

/** A readable name for an attribute id: "checkability" → "Checkability", "source_kind" → "Source kind". */
export function humanize(name: string): string {
  const spaced = name.replace(/[_-]+/g, ' ').trim()
  return spaced.charAt(0).toUpperCase() + spaced.slice(1)
}
