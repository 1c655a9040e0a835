// Word packages written in the tests: the few parts a .docx needs, with whatever relationships a
// test wants (external images and templates, fields), zipped with fflate.
import { strToU8, zipSync } from 'fflate'

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const REL = 'http://schemas.openxmlformats.org/package/2006/relationships'

/** A paragraph of body XML, with an optional style ("Heading1"). */
export function para(text: string, style?: string): string {
  const props = style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''
  return `<w:p>${props}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`
}

export interface DocxParts {
  /** The body's XML (paragraphs). */
  body: string
  /** Extra relationships of the document part: [id, type, target, external]. */
  rels?: [string, string, string, boolean][]
  /** A settings part whose attached template is `template` (an external URL). */
  template?: string
  /** More parts by path in the package (e.g. 'word/comments.xml'), as XML text. */
  extraParts?: Record<string, string>
}

/** Zips a minimal Word package around the given body. */
export function buildDocx(parts: DocxParts): Uint8Array {
  const rel = ([id, type, target, external]: [string, string, string, boolean]) =>
    `<Relationship Id="${id}" Type="${R}/${type}" Target="${target}"${external ? ' TargetMode="External"' : ''}/>`
  const documentRels: [string, string, string, boolean][] = [...(parts.rels ?? [])]
  if (parts.template) documentRels.push(['rIdSettings', 'settings', 'settings.xml', false])
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${REL}">` +
        `<Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}" xmlns:r="${R}" ` +
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
        'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
        `<w:body>${parts.body}</w:body></w:document>`,
    ),
    'word/_rels/document.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${REL}">${documentRels.map(rel).join('')}</Relationships>`,
    ),
  }
  for (const [name, xml] of Object.entries(parts.extraParts ?? {})) files[name] = strToU8(xml)
  if (parts.template) {
    files['word/settings.xml'] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:settings xmlns:w="${W}" xmlns:r="${R}"><w:attachedTemplate r:id="rIdTemplate"/></w:settings>`,
    )
    files['word/_rels/settings.xml.rels'] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${REL}">` +
        rel(['rIdTemplate', 'attachedTemplate', parts.template, true]) +
        '</Relationships>',
    )
  }
  return zipSync(files)
}

/** An inline picture linked (not embedded) through relationship `rid`. */
export function linkedPicture(rid: string): string {
  return (
    '<w:p><w:r><w:drawing><wp:inline><wp:extent cx="100" cy="100"/><wp:docPr id="1" name="p"/>' +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>' +
    `<pic:nvPicPr><pic:cNvPr id="1" name="p"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:link="${rid}"/></pic:blipFill>` +
    '<pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>'
  )
}

/**
 * Rewrites the uncompressed size that a zip declares for `name` (in its local and central
 * headers), as a decompression bomb's would read, without making the data any bigger.
 */
export function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice()
  const view = new DataView(out.buffer)
  const encoded = new TextEncoder().encode(name)
  for (let i = 0; i < out.length - 46; i++) {
    const signature = view.getUint32(i, true)
    const [nameLength, nameAt, sizeAt] =
      signature === 0x04034b50
        ? [view.getUint16(i + 26, true), i + 30, i + 22]
        : signature === 0x02014b50
          ? [view.getUint16(i + 28, true), i + 46, i + 24]
          : [0, 0, 0]
    if (nameLength !== encoded.length) continue
    if (encoded.every((b, k) => out[nameAt + k] === b)) view.setUint32(sizeAt, size, true)
  }
  return out
}
