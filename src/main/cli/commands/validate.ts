// `validate <dir>`: checks every file of a project — shapes (zod, on load), the schema, block
// ranges, content hashes, span offsets against their quotes, labels, attributes and relation ends —
// and prints one line per problem.
import path from 'node:path'
import { PROJECT_FILE, contentHash } from '../../core/storage'
import { validateAnnotations, validateDocument, validateProject } from '../../../shared/validate'
import { oneLine, printLines, type CliIo } from '../io'
import { withProject } from '../open-project'

/** Validates the project in `dir`; exit code 1 when there is any problem. */
export async function validateCommand(dir: string, io: CliIo): Promise<number> {
  return withProject(dir, { lock: false }, async (store) => {
    const { project } = store
    const projectFile = path.join(store.dir, PROJECT_FILE)
    const problems = validateProject(project).map((p) => `${projectFile}: ${p.path}: ${p.message}`)
    problems.push(...store.unlisted.map((p) => `${p.file}: ${p.message}`)) // e.g. an interrupted add
    let documents = 0
    let spans = 0
    let relations = 0
    for (const [i, entry] of project.documents.entries()) {
      const file = path.join(store.dir, entry.file)
      let loaded
      try {
        loaded = await store.loadDocument(entry.id)
      } catch (error) {
        problems.push(oneLine(error)) // the store's message starts with the file and the field
        continue
      }
      const { document, annotations } = loaded
      documents++
      spans += annotations.spans.length
      relations += annotations.relations.length
      for (const p of validateDocument(document)) {
        problems.push(`${file}: document.${p.path}: ${p.message}`)
      }
      if (contentHash(document.text) !== document.contentHash) {
        problems.push(`${file}: document.contentHash: does not match the text`)
      }
      if (entry.contentHash !== document.contentHash) {
        problems.push(
          `${projectFile}: documents[${i}].contentHash: differs from the one in ${entry.file}`,
        )
      }
      for (const p of validateAnnotations(
        project.schema,
        document,
        annotations,
        project.entities,
      )) {
        problems.push(`${file}: annotations.${p.path}: ${p.message}`)
      }
    }
    if (problems.length > 0) {
      printLines(io.stdout, problems)
      io.stderr(`${problems.length} problem${problems.length === 1 ? '' : 's'} found\n`)
      return 1
    }
    io.stdout(
      `OK: ${documents} documents, ${spans} spans and ${relations} relations checked in ${store.dir}\n`,
    )
    return 0
  })
}
