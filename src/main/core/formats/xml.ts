// XML text and attribute escaping for the XML-based formats (REFI-QDA, XLSX, Label Studio's config).
// XML 1.0 cannot hold some characters at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF);
// they are replaced by U+FFFD and counted so the caller can report the loss.

// Built from a string so the source holds no raw control characters.
const NOT_XML = new RegExp(
  '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]' +
    '|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]',
  'g',
)

/** Result of making a string fit for XML: the text and how many characters were replaced. */
export interface XmlSafe {
  text: string
  replaced: number
}

// Quick tests that let most strings through untouched: anything XML may not hold (surrogates are
// sorted out by NOT_XML), and what text content and attribute values need escaped.
const CHECKED = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uD800-\\uDFFF\\uFFFE\\uFFFF'
const MAYBE_NOT_XML = new RegExp(`[${CHECKED}]`)
const TEXT_SPECIAL = new RegExp(`[&<>\\r${CHECKED}]`)
const ATTR_SPECIAL = new RegExp(`[&<>"'\\t\\n\\r${CHECKED}]`)

/** Replaces characters XML 1.0 cannot hold with U+FFFD. */
export function xmlSafe(value: string): XmlSafe {
  if (!MAYBE_NOT_XML.test(value)) return { text: value, replaced: 0 }
  let replaced = 0
  const text = value.replace(NOT_XML, () => {
    replaced++
    return '\uFFFD'
  })
  return { text, replaced }
}

/**
 * Escapes text content (after `xmlSafe`). A CR is written as a reference: XML parsers turn a raw
 * CR or CRLF into LF, so only `&#13;` brings a lone CR back.
 */
export function escapeText(value: string): string {
  if (!TEXT_SPECIAL.test(value)) return value // most cells: one scan, no copy
  return xmlSafe(value)
    .text.replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;')
}

/** Escapes an attribute value; tabs and line breaks become references so parsers keep them. */
export function escapeAttr(value: string): string {
  if (!ATTR_SPECIAL.test(value)) return value
  return escapeText(value)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
}

/** Builds `name="value"` pairs, skipping undefined values. */
export function attrs(values: Record<string, string | number | boolean | undefined>): string {
  let out = ''
  for (const key in values) {
    const value = values[key]
    if (value === undefined) continue
    // A number or boolean is written the same escaped or not: no test of its text.
    out += ` ${key}="${typeof value === 'string' ? escapeAttr(value) : String(value)}"`
  }
  return out
}
