// REFI-QDA project exchange (.qdpx), export only: a zip holding `project.qde` (QDA-XML, namespace
// urn:QDA-XML:project:1.0) and `Sources/<guid>.txt`, so ATLAS.ti, MAXQDA, NVivo and QualCoder can
// open the work. The codebook has one non-codable code per layer with a codable child code per
// label (colours kept); each document is a TextSource whose spans are PlainTextSelections with a
// Coding of their label's code; relations are Links between two selections (direction OneWay).
// startPosition/endPosition count code points: the standard counts characters of the plain text,
// and the Python-based QualCoder slices its text by code points. GUIDs are derived from our ids
// (SHA-1 name-based, version 5 layout), so exporting twice gives the same file.
//
// Not held: attributes (written only as each selection's human-readable Description), relation
// attributes, document labels, entity links.
import { createHash } from 'node:crypto'
import { strToU8, zipSync } from 'fflate'
import type { ExportFormatModule, ExportInput } from './types'
import { ManifestBuilder, checkAll, countExtras } from './export-common'
import { attrs, escapeText } from './xml'

/** A deterministic GUID (8-4-4-4-12, version 5 layout) for one of our ids. */
export function guidOf(namespace: string, kind: string, id: string): string {
  const hex = createHash('sha1')
    .update(`marginalia:${namespace}:${kind}:${id}`)
    .digest('hex')
    .slice(0, 32)
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

export const qdpxFormat: ExportFormatModule = {
  name: 'qdpx',
  label: 'REFI-QDA project (.qdpx)',
  extension: '.qdpx',
  offsetUnit: 'codepoint',
  export(input: ExportInput, onProgress) {
    const manifest = new ManifestBuilder('qdpx', 'REFI-QDA-1.0', 'codepoint')
    const docs = checkAll(input, manifest, onProgress)
    const { project } = input
    const guid = (kind: string, id: string) => guidOf(project.id, kind, id)
    const now = new Date().toISOString()

    // Codebook: a code per layer, a child per label (plus any label the spans use but the schema lost).
    type CodeGroup = { name: string; color?: string; labels: Map<string, string | undefined> }
    const codes = new Map<string, CodeGroup>()
    for (const layer of project.schema.layers) {
      codes.set(layer.id, {
        name: layer.name,
        color: layer.color,
        labels: new Map(layer.labels.map((l) => [l.name, l.color ?? layer.color])),
      })
    }
    for (const d of docs) {
      for (const s of d.spans) {
        const layer: CodeGroup = codes.get(s.layer) ?? { name: s.layer, labels: new Map() }
        if (!layer.labels.has(s.label)) layer.labels.set(s.label, layer.color)
        codes.set(s.layer, layer)
      }
    }
    const users = new Map<string, string>()
    const userOf = (name: string) => {
      if (!name) return undefined
      if (!users.has(name)) users.set(name, guid('user', name))
      return users.get(name)
    }

    const sources: string[] = []
    const links: string[] = []
    const files: Record<string, Uint8Array> = {}
    for (const { file, spans, relations, offsets } of docs) {
      const { document } = file
      const sourceGuid = guid('document', document.id)
      files[`Sources/${sourceGuid}.txt`] = strToU8(document.text)
      sources.push(
        `    <TextSource${attrs({ guid: sourceGuid, name: document.title || document.id, plainTextPath: `internal://${sourceGuid}.txt`, creationDateTime: now })}>`,
      )
      for (const span of spans) {
        const selection = guid('span', span.id)
        const attributes = Object.entries(span.attributes)
        sources.push(
          `      <PlainTextSelection${attrs({
            guid: selection,
            name:
              span.quote.exact.length > 60
                ? `${span.quote.exact.slice(0, 57)}...`
                : span.quote.exact,
            startPosition: offsets.toCodePoint(span.start),
            endPosition: offsets.toCodePoint(span.end),
            creatingUser: userOf(span.annotator),
            creationDateTime: span.createdAt,
          })}>`,
        )
        if (attributes.length) {
          sources.push(
            `        <Description>${escapeText(attributes.map(([k, v]) => `${k}: ${String(v)}`).join('\n'))}</Description>`,
          )
        }
        sources.push(
          `        <Coding${attrs({ guid: guid('coding', span.id), creatingUser: userOf(span.annotator) })}>`,
          `          <CodeRef${attrs({ targetGUID: guid('code', `${span.layer}/${span.label}`) })}/>`,
          '        </Coding>',
          '      </PlainTextSelection>',
        )
      }
      sources.push('    </TextSource>')
      for (const relation of relations) {
        const type = project.schema.relationTypes.find((t) => t.id === relation.type)
        links.push(
          `    <Link${attrs({
            guid: guid('relation', relation.id),
            name: type?.name ?? relation.type,
            direction: 'OneWay',
            originGUID: guid('span', relation.from),
            targetGUID: guid('span', relation.to),
          })}/>`,
        )
      }
      manifest.documents++
      manifest.spans += spans.length
      manifest.relations += relations.length
    }

    const xml = [
      '<?xml version="1.0" encoding="utf-8"?>',
      `<Project${attrs({ xmlns: 'urn:QDA-XML:project:1.0', name: project.name, origin: 'Marginalia', creationDateTime: now })}>`,
    ]
    if (users.size) {
      xml.push('  <Users>')
      for (const [name, g] of users) xml.push(`    <User${attrs({ guid: g, name })}/>`)
      xml.push('  </Users>')
    }
    xml.push('  <CodeBook>', '    <Codes>')
    for (const [layerId, layer] of codes) {
      xml.push(
        `      <Code${attrs({ guid: guid('code', layerId), name: layer.name, isCodable: false, color: layer.color })}>`,
      )
      for (const [label, color] of layer.labels) {
        xml.push(
          `        <Code${attrs({ guid: guid('code', `${layerId}/${label}`), name: label, isCodable: true, color })}/>`,
        )
      }
      xml.push('      </Code>')
    }
    xml.push('    </Codes>', '  </CodeBook>')
    // concat, not push(...): a large project has more lines than a call may take arguments.
    const lines = xml.concat(
      sources.length ? ['  <Sources>'].concat(sources, ['  </Sources>']) : [],
      links.length ? ['  <Links>'].concat(links, ['  </Links>']) : [],
      ['</Project>', ''],
    )
    files['project.qde'] = strToU8(lines.join('\n'))

    const extra = countExtras(docs)
    manifest.loss(
      'span attributes',
      "REFI-QDA has no attributes on a coding; written only as the selection's Description text",
      extra.spanAttributes,
    )
    manifest.loss(
      'relation attributes',
      'REFI-QDA links carry only a name; not written',
      extra.relationAttributes,
    )
    manifest.loss('document labels', 'not written', extra.docLabels)
    manifest.loss('entity links', 'not written', extra.entityLinks)
    return { files: [{ path: 'project.qdpx', data: zipSync(files) }], manifest: manifest.build() }
  },
}
