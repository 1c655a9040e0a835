// `init <dir> [--name] [--sample]`: a new project, optionally filled with the sample article.
import { access } from 'node:fs/promises'
import path from 'node:path'
import { ProjectStore } from '../../core/storage'
import { CliError, field, type CliIo } from '../io'
import { packageRoot } from '../package-root'

/** The sample project shipped in the package's resources folder. */
export const SAMPLE_PROJECT_DIR = path.join(packageRoot(), 'resources', 'sample-project')

export interface InitOptions {
  name?: string
  sample?: boolean
  /** Where the sample project is read from (tests point it elsewhere). */
  sampleDir?: string
}

/**
 * Creates a project in `dir` (absent or empty). With `sample`, copies the sample project's schema,
 * entities and documents with their annotations through the store, so the copy gets its own id.
 */
export async function initCommand(dir: string, opts: InitOptions, io: CliIo): Promise<number> {
  const name = opts.name ?? path.basename(path.resolve(dir))
  const sampleDir = opts.sampleDir ?? SAMPLE_PROJECT_DIR
  if (opts.sample) {
    await access(path.join(sampleDir, 'project.json')).catch(() => {
      throw new CliError(`${sampleDir}: the sample project is missing`)
    })
  }
  const store = await ProjectStore.create(dir, { name })
  try {
    let added = 0
    if (opts.sample) {
      const sample = await ProjectStore.open(sampleDir, { lock: false })
      try {
        await store.setSchema(sample.project.schema)
        await store.setEntities(sample.project.entities)
        for (const entry of sample.project.documents) {
          const { document, annotations } = await sample.loadDocument(entry.id)
          const { title, metadata, text, blocks } = document
          const result = await store.addDocument({ title, metadata, text, blocks, annotations })
          if (result.status === 'added') added++
        }
      } finally {
        await sample.close()
      }
    }
    const what = opts.sample ? ` with ${added} sample document${added === 1 ? '' : 's'}` : ''
    io.stdout(`Created project "${field(name)}" in ${store.dir}${what}\n`)
    return 0
  } finally {
    await store.close()
  }
}
