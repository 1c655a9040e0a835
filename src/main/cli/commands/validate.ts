// `validate <dir>`: checks every file of a project — shapes (zod, on load), the schema, block
// ranges, content hashes, span offsets against their quotes, labels, attributes and relation ends —
// and prints one line per problem.
import path from 'node:path'
import { ANNOTATIONS_DIR, PROJECT_FILE, contentHash } from '../../core/storage'
import type { Conflict, ConflictSide } from '../../../shared/ipc-contract'
import { validateAnnotations, validateDocument, validateProject } from '../../../shared/validate'
import { oneLine, printLines, type CliIo } from '../io'
import { withProject } from '../open-project'

/**
 * Validates the project in `dir`: every document and every analyst's annotations of it (and the
 * gold set), besides what the store reports (unreadable files, changes that could not apply,
 * annotations of documents the folder lacks). Exit code 1 when there is any problem.
 */
export async function validateCommand(dir: string, io: CliIo, annotator?: string): Promise<number> {
  return withProject(dir, { lock: false, annotator }, async (store) => {
    const { project } = store
    const projectFile = path.join(store.dir, PROJECT_FILE)
    const problems = validateProject(project).map((p) => `${projectFile}: ${p.path}: ${p.message}`)
    problems.push(...store.problems.map((p) => `${p.file}: ${p.message}`))
    let documents = 0
    let spans = 0
    let relations = 0
    for (const entry of project.documents) {
      const file = path.join(store.dir, entry.file)
      let document
      try {
        document = await store.loadDocumentAlone(entry.id)
      } catch (error) {
        problems.push(oneLine(error)) // the store's message starts with the file and the field
        continue
      }
      documents++
      for (const p of validateDocument(document)) {
        problems.push(`${file}: document.${p.path}: ${p.message}`)
      }
      if (contentHash(document.text) !== document.contentHash) {
        problems.push(`${file}: document.contentHash: does not match the text`)
      }
      for (const { id: setId } of store.listAnalysts(entry.id)) {
        const setFile = path.join(store.dir, ANNOTATIONS_DIR, setId, `${entry.id}.json`)
        let set
        try {
          set = await store.loadAnnotations(entry.id, setId)
        } catch (error) {
          problems.push(oneLine(error))
          continue
        }
        if (!set) continue
        spans += set.annotations.spans.length
        relations += set.annotations.relations.length
        const found = validateAnnotations(
          project.schema,
          document,
          set.annotations,
          project.entities,
        )
        for (const p of found) problems.push(`${setFile}: annotations.${p.path}: ${p.message}`)
      }
    }
    // Concurrent edits a rule settled are not problems, but nobody's edit goes unseen.
    const conflicts = store.conflicts.map(conflictLine)
    if (conflicts.length > 0) printLines(io.stdout, conflicts)
    const unique = [...new Set(problems)]
    if (unique.length > 0) {
      printLines(io.stdout, unique)
      io.stderr(`${unique.length} problem${unique.length === 1 ? '' : 's'} found\n`)
      return 1
    }
    io.stdout(
      `OK: ${documents} documents, ${spans} spans and ${relations} relations checked in ${store.dir}\n`,
    )
    return 0
  })
}

/** `conflict: layer "claim" color: kept "#00a" (Bob, changes/bob/….json); not kept: "#a00" (Alice, …)`. */
export function conflictLine(c: Conflict): string {
  const side = (s: ConflictSide) =>
    `${JSON.stringify(s.value ?? null)} (${[s.analyst || 'the project', s.change].filter(Boolean).join(', ')})`
  const lost = c.lost.map(side).join('; ')
  return `conflict: ${c.target}: kept ${side(c.kept)}; not kept: ${lost} — ${c.rule}`
}
