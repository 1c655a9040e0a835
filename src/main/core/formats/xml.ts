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

/** Replaces characters XML 1.0 cannot hold with U+FFFD. */
export function xmlSafe(value: string): XmlSafe {
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
  return xmlSafe(value)
    .text.replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;')
}

/** Escapes an attribute value; tabs and line breaks become references so parsers keep them. */
export function escapeAttr(value: string): string {
  return escapeText(value)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
}

/** Builds `name="value"` pairs, skipping undefined values. */
export function attrs(values: Record<string, string | number | boolean | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`)
    .join('')
}
