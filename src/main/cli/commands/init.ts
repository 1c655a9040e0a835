// `init <dir> [--name] [--sample]`: a new project, optionally filled with the sample article.
import { access } from 'node:fs/promises'
import path from 'node:path'
import { mergeInto } from '../../core/merge'
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
  /** The analyst creating it (`--annotator`). */
  annotator?: string
}

/**
 * Creates a project in `dir` (absent or empty). With `sample`, starts from the sample's schema and
 * merges the sample in (its documents, entities and every analyst's annotations, each analyst's
 * staying theirs); the copy gets its own id.
 */
export async function initCommand(dir: string, opts: InitOptions, io: CliIo): Promise<number> {
  const name = opts.name ?? path.basename(path.resolve(dir))
  const sampleDir = opts.sampleDir ?? SAMPLE_PROJECT_DIR
  let schema
  if (opts.sample) {
    await access(path.join(sampleDir, 'project.json')).catch(() => {
      throw new CliError(`${sampleDir}: the sample project is missing`)
    })
    const sample = await ProjectStore.open(sampleDir, { lock: false })
    schema = sample.project.schema
    await sample.close()
  }
  const store = await ProjectStore.create(dir, { name, schema, analyst: opts.annotator })
  try {
    let added = 0
    if (opts.sample) {
      const report = await mergeInto(store, sampleDir)
      if (report.problems.length > 0) {
        throw new CliError(`${sampleDir}: ${report.problems.map((p) => p.message).join('; ')}`)
      }
      added = report.documentsAdded.length
    }
    const what = opts.sample ? ` with ${added} sample document${added === 1 ? '' : 's'}` : ''
    io.stdout(`Created project "${field(name)}" in ${store.dir}${what}\n`)
    return 0
  } finally {
    await store.close()
  }
}
