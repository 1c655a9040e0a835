// Import of the native JSONL export (jsonl.ts writes it): one document per line with its text,
// spans (UTF-16 offsets and their text), relations, attributes, document labels and the entities
// the spans refer to. Nothing is lost; spans whose offsets no longer select their text are
// re-anchored by that text.
import type { Entity } from '../../../shared/model'
import { zEntity } from '../../../shared/model'
import { DocumentBuilder, ImportCollector, asRecord, fileText, parseJson } from './import-common'
import type { ImportFormatModule } from './import-types'
import type { JsonlLine } from './jsonl'
import type { Span } from '../../../shared/model'

export const jsonlImport: ImportFormatModule = {
  name: 'jsonl',
  label: 'Marginalia JSONL',
  extensions: ['.jsonl'],
  import(input, schema, options) {
    const collector = new ImportCollector(schema, options)
    const entities = new Map<string, Entity>()
    for (const file of input.files) {
      fileText(file)
        .split('\n')
        .forEach((raw, i) => {
          if (raw.trim() === '') return
          const where = `${file.path}:${i + 1}`
          const line = asRecord(parseJson(file, raw, i + 1)) as Partial<JsonlLine> | null
          if (!line || typeof line.text !== 'string') {
            collector.problem(where, 'line has no `text`; skipped')
            return
          }
          const unit = (line.offset_unit as string) === 'codepoint' ? 'codepoint' : 'utf16'
          const metadata = Object.fromEntries(
            Object.entries(asRecord(line.metadata) ?? {}).filter(([, v]) => typeof v === 'string'),
          )
          const doc = new DocumentBuilder(
            collector,
            where,
            line.text,
            line.title ?? line.id ?? '',
            metadata,
            line.id,
          )
          const byId = new Map<string, Span>()
          for (const s of Array.isArray(line.spans) ? line.spans : []) {
            const span = doc.addSpan({
              start: s.start,
              end: s.end,
              unit,
              exact: s.text,
              layer: s.layer,
              label: s.label,
              attributes: asRecord(s.attributes) ?? {},
              annotator: s.annotator,
              createdAt: s.created_at,
              updatedAt: s.updated_at,
              entityId: s.entity_id,
              ref: `span ${s.id}`,
            })
            if (span) byId.set(s.id, span)
          }
          for (const r of Array.isArray(line.relations) ? line.relations : []) {
            const from = byId.get(r.from)
            const to = byId.get(r.to)
            if (!from || !to) {
              collector.problem(where, `relation ${r.id}: an end is missing; skipped`)
              continue
            }
            doc.addRelation(from, to, r.type, asRecord(r.attributes) ?? {}, {
              annotator: r.annotator,
              createdAt: r.created_at,
              updatedAt: r.updated_at,
            })
          }
          for (const [set, values] of Object.entries(asRecord(line.doc_labels) ?? {})) {
            if (Array.isArray(values))
              for (const v of values) if (typeof v === 'string') doc.addDocLabel(set, v)
          }
          for (const e of Array.isArray(line.entities) ? line.entities : []) {
            const parsed = zEntity.safeParse(e)
            if (parsed.success) entities.set(parsed.data.id, parsed.data)
          }
          doc.finish()
        })
    }
    return { ...collector.result(), entities: [...entities.values()] }
  },
}
