// Format 2 → 3: from one file per document (text and annotations together) and one project.json
// holding everything shared, to the layout where every file has one writer (layout.ts). The
// annotations become one analyst's set: the name found most often in their `annotator` fields (the
// sample's is "sample"), else the name of the analyst opening it. The entities become one change.
//
// On disk it runs when a format-2 project is opened for writing, in an order a kill cannot break:
//   1. the new files: annotation sets, the entities' change, .gitignore, and each document's new
//      file in `.marginalia/migration/documents/` (documents/ still holds the format-2 files);
//   2. project.json in format 3 — the commit point;
//   3. each new document file moved over its format-2 one, then format-2 leftovers removed.
// Killed before 2, the project is still format 2 and the next open migrates again from the start
// (the new files are written again, with the same names and content). Killed after 2, the next
// open finishes 3 (recovery.ts), and until then the pending files are read in place of the old.
// A read-only format-2 project is migrated in memory only (`planMigration` without the writes).
import path from 'node:path'
import { analystFrom, type AnalystRef } from '../../../shared/analysts'
import { DOCUMENT_FORMAT, FORMAT_VERSION, PROJECT_FORMAT } from '../../../shared/model'
import {
  CHANGE_FORMAT,
  type AnnotationSetJson,
  type ChangeJson,
  type DocumentJson,
  type ProjectJson,
} from '../../../shared/model-files'
import { serializeSet, setJson } from './annotation-sets'
import { writeFileDurable, syncFolder, isCode } from './durable-write'
import { FolderListings } from './folder-listings'
import { ensureGitignore } from './gitignore'
import type { ProjectLayout } from './layout'
import type { LegacyProject } from './legacy-v2'
import type { StorageFs } from './storage-fs'

/** Everything format 3 holds of a format-2 project. */
export interface MigrationPlan {
  analyst: AnalystRef
  project: ProjectJson
  documents: DocumentJson[]
  sets: AnnotationSetJson[]
  change: ChangeJson | null
}

/** `2024-06-19T12:00:00.000Z` → `20240619T120000000Z`: a time that sorts as text, file-safe. */
export function compactTime(iso: string): string {
  return iso.replace(/[-:.]/g, '')
}

/** The analyst whose set the annotations become: the most frequent `annotator`, else `opener`. */
export function migratedAnalyst(legacy: LegacyProject, opener: string): AnalystRef {
  const counts = new Map<string, number>()
  for (const doc of [...legacy.documents, ...legacy.unlisted]) {
    for (const item of [...doc.annotations.spans, ...doc.annotations.relations]) {
      const name = item.annotator.trim()
      if (name) counts.set(name, (counts.get(name) ?? 0) + 1)
    }
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
  return analystFrom(ranked[0]?.[0] ?? opener)
}

/** What format 3 holds of `legacy`: pure, so a read-only project can use it in memory. */
export function planMigration(legacy: LegacyProject, opener: string): MigrationPlan {
  const analyst = migratedAnalyst(legacy, opener)
  const { project: old } = legacy
  const project: ProjectJson = {
    format: PROJECT_FORMAT,
    version: FORMAT_VERSION,
    id: old.id,
    name: old.name,
    createdAt: old.createdAt,
    schema: old.schema,
  }
  const documents: DocumentJson[] = []
  const sets: AnnotationSetJson[] = []
  for (const doc of [...legacy.documents, ...legacy.unlisted]) {
    documents.push({
      format: DOCUMENT_FORMAT,
      version: FORMAT_VERSION,
      document: {
        ...doc.document,
        title: doc.entry.title,
        addedAt: doc.entry.addedAt,
        addedBy: analyst.name,
      },
    })
    const a = doc.annotations
    if (a.spans.length === 0 && a.relations.length === 0 && Object.keys(a.docLabels).length === 0) {
      continue
    }
    const times = [...a.spans, ...a.relations].map((i) => i.updatedAt)
    const updatedAt = times.reduce((x, y) => (Date.parse(y) > Date.parse(x) ? y : x), old.updatedAt)
    sets.push(setJson(doc.document.id, analyst.id, analyst.name, updatedAt, a))
  }
  const change: ChangeJson | null =
    old.entities.length === 0
      ? null
      : {
          format: CHANGE_FORMAT,
          version: FORMAT_VERSION,
          id: `${compactTime(old.updatedAt)}-format-2-entities`,
          analyst: analyst.id,
          analystName: analyst.name,
          at: old.updatedAt,
          ops: old.entities.map((entity) => ({ op: 'entity.add' as const, entity })),
        }
  return { analyst, project, documents, sets, change }
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`

/** Writes the plan (steps 1 and 2 above), then finishes (step 3). */
export async function migrateOnDisk(
  layout: ProjectLayout,
  fs: StorageFs,
  plan: MigrationPlan,
): Promise<void> {
  const temp = layout.tempDir
  for (const set of plan.sets) {
    await fs.mkdir(layout.setDir(set.set), { recursive: true })
    await writeFileDurable(layout.setFile(set.set, set.document), serializeSet(set), fs, temp)
  }
  if (plan.change) {
    await fs.mkdir(layout.changeDir(plan.change.analyst), { recursive: true })
    const file = layout.changeFile(plan.change.analyst, plan.change.id)
    await writeFileDurable(file, json(plan.change), fs, temp)
  }
  await ensureGitignore(layout, fs)
  await fs.mkdir(layout.pendingDocumentsDir, { recursive: true })
  for (const doc of plan.documents) {
    const file = layout.pendingDocumentFile(doc.document.id)
    await writeFileDurable(file, json(doc), fs, temp)
  }
  await writeFileDurable(layout.projectFile, json(plan.project), fs, temp) // the commit point
  await finishMigration(layout, fs)
}

/**
 * Step 3, also run by every open for writing of a format-3 project: moves the documents a
 * migration left pending into documents/, then removes format-2 leftovers there (the `.removed`
 * asides of interrupted removals). Returns the ids moved. `listings` are shared with the rest of
 * the open (a folder changed here is listed again).
 */
export async function finishMigration(
  layout: ProjectLayout,
  fs: StorageFs,
  listings: FolderListings = new FolderListings(fs),
): Promise<string[]> {
  const pending = await listings.names(layout.pendingDocumentsDir).catch(() => [] as string[])
  const moved: string[] = []
  if (pending.length > 0) await fs.mkdir(layout.documentsDir, { recursive: true })
  for (const name of [...pending].sort()) {
    const id = /^(.+)\.json$/.exec(name)?.[1]
    if (!id) continue
    await fs.rename(path.join(layout.pendingDocumentsDir, name), layout.documentFile(id))
    listings.changed(layout.pendingDocumentsDir)
    listings.changed(layout.documentsDir)
    moved.push(id)
  }
  if (moved.length > 0) await syncFolder(layout.documentsDir, fs)
  const names = await listings.names(layout.documentsDir).catch(() => [] as string[])
  for (const name of names) {
    if (!name.endsWith('.json.removed')) continue
    await fs.unlink(path.join(layout.documentsDir, name)).catch((error: unknown) => {
      if (!isCode(error, 'ENOENT')) throw error
    })
    listings.changed(layout.documentsDir)
  }
  return moved
}
