// REFI-QDA project exchange (.qdpx), export only: a zip holding `project.qde` (QDA-XML, namespace
// urn:QDA-XML:project:1.0) and `Sources/<guid>.txt`, so ATLAS.ti, MAXQDA, NVivo and QualCoder can
// open the work. The codebook has one non-codable code per layer with a codable child code per
// label (colours kept); each document is a TextSource whose spans are PlainTextSelections with a
// Coding of their label's code; relations are Links between two selections (direction OneWay).
// startPosition/endPosition count code points: the standard counts characters of the plain text,
// and the Python-based QualCoder slices its text by code points. GUIDs are derived from our ids
// (SHA-1 name-based, version 5 layout), and every date comes from the project (its creation time,
// or the `creationDateTime` option; each source's time it was added; each coding's annotation
// times; the zip entries' time), never from the clock, so exporting twice gives the same bytes.
//
// Not held: attributes (written only as each selection's human-readable Description), relation
// attributes, document labels, entity links.
import { hash } from 'node:crypto'
import { clipOnGrapheme } from '../../../shared/anchor'
import type { ProjectFile, Relation, Span } from '../../../shared/model'
import { exportFormat } from './define'
import { Extras, ManifestBuilder, optionsOf, type CheckedDocument } from './export-common'
import type { TextOut } from './types'
import { attrs, escapeAttr, escapeText } from './xml'
import { zipTime } from './zip-time'

export interface QdpxOptions {
  /** The project's `creationDateTime` (ISO 8601); default: when the Marginalia project was made. */
  creationDateTime: string
}

/** A deterministic GUID (8-4-4-4-12, version 5 layout) for one of our ids. */
export function guidOf(namespace: string, kind: string, id: string): string {
  const hex = hash('sha1', `marginalia:${namespace}:${kind}:${id}`, 'hex').slice(0, 32)
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

export const qdpxFormat = exportFormat({
  name: 'qdpx',
  label: 'REFI-QDA project (.qdpx)',
  extension: '.qdpx',
  offsetUnit: 'codepoint',
  open(context, out) {
    const manifest = new ManifestBuilder('qdpx', 'REFI-QDA-1.0', 'codepoint')
    const { project } = context
    const zip = out.zip('project.qdpx', zipTime(project))
    // The sources and links are compressed as they come (parts of the zip), not kept as text and
    // compressed after the last document: 60 MB of XML for 100,000 spans.
    const qde = new QdeWriter(project, zip.part(), zip.part())
    const extras = new Extras()
    return {
      document(doc) {
        const { document } = doc.file
        const source = zip.entry(`Sources/${qde.guid('document', document.id)}.txt`)
        source.write(document.text)
        source.close()
        qde.source(doc)
        manifest.documents++
        manifest.spans += doc.spans.length
        manifest.relations += doc.relations.length
        extras.add(doc)
      },
      finish() {
        const created = optionsOf<QdpxOptions>(context).creationDateTime ?? project.createdAt
        const entry = zip.entry('project.qde')
        qde.project(entry, created)
        entry.close()
        zip.close()
        qdpxLosses(manifest, extras)
        return manifest.build()
      },
    }
  },
})

function qdpxLosses(manifest: ManifestBuilder, extra: Extras): void {
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
}

type CodeGroup = { name: string; color?: string; labels: Map<string, string | undefined> }

/**
 * Builds project.qde: the codebook, users, sources with their codings, and links. The sources
 * and links are written to parts of the zip (compressed as they come) as the documents come; the
 * users and the codebook, which come first in the file, are known only after the last document.
 */
class QdeWriter {
  private readonly codes = new Map<string, CodeGroup>()
  private readonly users = new Map<string, string>()
  private readonly addedAt: Map<string, string>
  /** The GUID of each label's code, by `layer/label` (worked out once, not once per span). */
  private readonly codeGuids = new Map<string, string>()
  /** The current document's span GUIDs, by span id (cleared at each document). */
  private readonly spanGuids = new Map<string, string>()
  private hasSources = false
  private hasLinks = false

  constructor(
    private readonly projectFile: ProjectFile,
    private readonly sources: TextOut,
    private readonly links: TextOut,
  ) {
    this.addedAt = new Map(projectFile.documents.map((d) => [d.id, d.addedAt]))
    // A code per layer, a child per label (plus any label the spans use but the schema lost).
    for (const layer of projectFile.schema.layers) {
      this.codes.set(layer.id, {
        name: layer.name,
        color: layer.color,
        labels: new Map(layer.labels.map((l) => [l.name, l.color ?? layer.color])),
      })
    }
  }

  guid(kind: string, id: string): string {
    return guidOf(this.projectFile.id, kind, id)
  }

  /** A span's GUID, kept for the document's links (whose ends were just written). */
  private spanGuid(id: string): string {
    let guid = this.spanGuids.get(id)
    if (guid === undefined) {
      guid = this.guid('span', id)
      this.spanGuids.set(id, guid)
    }
    return guid
  }

  private codeGuid({ layer, label }: Span): string {
    const code = `${layer}/${label}`
    let guid = this.codeGuids.get(code)
    if (guid === undefined) {
      guid = this.guid('code', code)
      this.codeGuids.set(code, guid)
    }
    return guid
  }

  private userOf(name: string): string | undefined {
    if (!name) return undefined
    if (!this.users.has(name)) this.users.set(name, this.guid('user', name))
    return this.users.get(name)
  }

  /** A TextSource for a document, its selections, and the links between them. */
  source({ file, spans, relations, offsets }: CheckedDocument): void {
    const { document } = file
    const guid = this.guid('document', document.id)
    const added = this.addedAt.get(document.id)
    this.hasSources = true
    this.spanGuids.clear()
    this.line(
      `    <TextSource${attrs({ guid, name: document.title || document.id, plainTextPath: `internal://${guid}.txt`, creationDateTime: added })}>`,
    )
    for (const span of spans) {
      this.code(span)
      this.selection(span, offsets.toCodePoint(span.start), offsets.toCodePoint(span.end))
    }
    this.line('    </TextSource>')
    for (const relation of relations) this.link(relation)
  }

  private line(text: string): void {
    this.sources.write(`${text}\n`)
  }

  private code(span: Span): void {
    const layer: CodeGroup = this.codes.get(span.layer) ?? { name: span.layer, labels: new Map() }
    if (!layer.labels.has(span.label)) layer.labels.set(span.label, layer.color)
    this.codes.set(span.layer, layer)
  }

  /**
   * A span's PlainTextSelection and its Coding, as one piece of text. Written without `attrs`
   * (an object and an escape test per attribute, a sixth of this export's time): a GUID is hex
   * and dashes and a number its digits, so only the name and the times are escaped. The
   * attributes and their order are those `attrs` wrote.
   */
  private selection(span: Span, start: number, end: number): void {
    const user = this.userOf(span.annotator)
    const byUser = user === undefined ? '' : ` creatingUser="${user}"`
    const created = escapeAttr(span.createdAt)
    const name = escapeAttr(clipOnGrapheme(span.quote.exact, 60))
    let xml =
      `      <PlainTextSelection guid="${this.spanGuid(span.id)}" name="${name}" ` +
      `startPosition="${start}" endPosition="${end}"${byUser} creationDateTime="${created}" ` +
      `modifiedDateTime="${escapeAttr(span.updatedAt)}">\n`
    const attributes = Object.entries(span.attributes)
    if (attributes.length) {
      const text = attributes.map(([k, v]) => `${k}: ${String(v)}`).join('\n')
      xml += `        <Description>${escapeText(text)}</Description>\n`
    }
    xml +=
      `        <Coding guid="${this.guid('coding', span.id)}"${byUser} creationDateTime="${created}">\n` +
      `          <CodeRef targetGUID="${this.codeGuid(span)}"/>\n` +
      '        </Coding>\n' +
      '      </PlainTextSelection>\n'
    this.sources.write(xml)
  }

  private link(relation: Relation): void {
    const type = this.projectFile.schema.relationTypes.find((t) => t.id === relation.type)
    this.hasLinks = true
    this.links.write(
      `    <Link${attrs({
        guid: this.guid('relation', relation.id),
        name: type?.name ?? relation.type,
        direction: 'OneWay',
        originGUID: this.spanGuid(relation.from),
        targetGUID: this.spanGuid(relation.to),
        creatingUser: this.userOf(relation.annotator),
        creationDateTime: relation.createdAt,
        modifiedDateTime: relation.updatedAt,
      })}/>\n`,
    )
  }

  /** Writes the whole project.qde to `out`, with `created` as the project's creationDateTime. */
  project(out: TextOut, created: string): void {
    const { name } = this.projectFile
    const xml = [
      '<?xml version="1.0" encoding="utf-8"?>',
      `<Project${attrs({ xmlns: 'urn:QDA-XML:project:1.0', name, origin: 'Marginalia', creationDateTime: created })}>`,
    ]
    if (this.users.size) {
      xml.push('  <Users>')
      for (const [user, g] of this.users) xml.push(`    <User${attrs({ guid: g, name: user })}/>`)
      xml.push('  </Users>')
    }
    xml.push('  <CodeBook>', '    <Codes>')
    for (const [layerId, layer] of this.codes) {
      xml.push(
        `      <Code${attrs({ guid: this.guid('code', layerId), name: layer.name, isCodable: false, color: layer.color })}>`,
      )
      for (const [label, color] of layer.labels) {
        xml.push(
          `        <Code${attrs({ guid: this.guid('code', `${layerId}/${label}`), name: label, isCodable: true, color })}/>`,
        )
      }
      xml.push('      </Code>')
    }
    xml.push('    </Codes>', '  </CodeBook>', '')
    out.write(xml.join('\n'))
    this.sources.close()
    this.links.close()
    if (this.hasSources) {
      out.write('  <Sources>\n')
      out.append(this.sources)
      out.write('  </Sources>\n')
    }
    if (this.hasLinks) {
      out.write('  <Links>\n')
      out.append(this.links)
      out.write('  </Links>\n')
    }
    out.write('</Project>\n')
  }
}
