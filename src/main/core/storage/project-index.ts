// The index: project.json, which names the project and holds its schema, its entity registry and
// the list of its documents (id, title, file, content hash). Changes come as named operations
// (add or remove a document entry, replace the schema or the registry), each checked in full before
// the file is rewritten, so the index on disk is always valid and never names a document twice.
import path from 'node:path'
import { Low } from 'lowdb'
import { z } from 'zod'
import {
  FORMAT_VERSION,
  PROJECT_FORMAT,
  zAnnotationSchema,
  zEntity,
  zProjectFile,
  type AnnotationSchema,
  type DocumentIndexEntry,
  type Entity,
  type ProjectFile,
} from '../../../shared/model'
import { defaultSchema } from '../../../shared/default-schema'
import { formatProblems, validateProject } from '../../../shared/validate'
import { projectDecoder } from './codecs'
import { ProjectError, WriteError, joinProblems, zodProblems } from './errors'
import { JsonFile } from './json-file'
import type { StorageFs } from './storage-fs'

export const PROJECT_FILE = 'project.json'

/** Clock and id source; replaced only to build reproducible files (the sample project). */
export interface StoreEnv {
  now(): Date
  newId(prefix: string): string
}

/** project.json, loaded. */
export class ProjectIndex {
  readonly file: string
  readonly adapter: JsonFile<ProjectFile>
  readonly #db: Low<ProjectFile | null>

  private constructor(
    root: string,
    private readonly env: StoreEnv,
    fs: StorageFs,
  ) {
    this.file = path.join(root, PROJECT_FILE)
    this.adapter = new JsonFile(this.file, projectDecoder, fs)
    this.#db = new Low<ProjectFile | null>(this.adapter, null)
  }

  /** Writes a new project.json for a project named `name` in `root`. */
  static async create(
    root: string,
    opts: { name: string; schema?: AnnotationSchema },
    env: StoreEnv,
    fs: StorageFs,
  ): Promise<ProjectIndex> {
    const index = new ProjectIndex(root, env, fs)
    const now = env.now().toISOString()
    const project: ProjectFile = {
      format: PROJECT_FORMAT,
      version: FORMAT_VERSION,
      id: env.newId('p'),
      name: opts.name,
      createdAt: now,
      updatedAt: now,
      schema: structuredClone(opts.schema ?? defaultSchema()),
      documents: [],
      entities: [],
    }
    checkProject(index.file, project)
    index.#db.data = project
    await index.#db.write()
    return index
  }

  /** Reads project.json of `root`; throws ProjectError when it is missing or invalid. */
  static async read(root: string, env: StoreEnv, fs: StorageFs): Promise<ProjectIndex> {
    const index = new ProjectIndex(root, env, fs)
    await index.#db.read()
    if (!index.#db.data) {
      throw new ProjectError(index.file, 'not a Marginalia project: project.json is missing')
    }
    return index
  }

  /** The project file as loaded (migrated to the current version). Treat it as read-only. */
  get data(): ProjectFile {
    const data = this.#db.data
    if (!data) throw new Error('project not loaded')
    return data
  }

  /** The entry of the document with this content hash, if any. */
  byHash(hash: string): DocumentIndexEntry | undefined {
    return this.data.documents.find((e) => e.contentHash === hash)
  }

  /** The entry of document `id`, if any. */
  entry(id: string): DocumentIndexEntry | undefined {
    return this.data.documents.find((e) => e.id === id)
  }

  /** The entry of document `id`; throws ProjectError naming project.json when there is none. */
  require(id: string): DocumentIndexEntry {
    const entry = this.entry(id)
    if (!entry) {
      throw new ProjectError(this.file, `documents: no document with id ${JSON.stringify(id)}`)
    }
    return entry
  }

  /** Lists a new document last. */
  addEntry(entry: DocumentIndexEntry): Promise<void> {
    const project = this.data
    return this.#write({ ...project, documents: [...project.documents, entry] })
  }

  /** Removes document `id` from the list. */
  removeEntry(id: string): Promise<void> {
    const project = this.data
    return this.#write({ ...project, documents: project.documents.filter((e) => e.id !== id) })
  }

  /** Replaces the annotation schema after checking it is consistent. */
  setSchema(schema: AnnotationSchema): Promise<void> {
    const parsed = zAnnotationSchema.safeParse(schema)
    if (!parsed.success) {
      throw new ProjectError(this.file, joinProblems(zodProblems(parsed.error, ['schema'])))
    }
    return this.#write({ ...this.data, schema: parsed.data })
  }

  /** Replaces the entity registry after checking it. */
  setEntities(entities: Entity[]): Promise<void> {
    const parsed = z.array(zEntity).safeParse(entities)
    if (!parsed.success) {
      throw new ProjectError(this.file, joinProblems(zodProblems(parsed.error, ['entities'])))
    }
    return this.#write({ ...this.data, entities: parsed.data })
  }

  async #write(next: ProjectFile): Promise<void> {
    const candidate = { ...next, updatedAt: this.env.now().toISOString() }
    checkProject(this.file, candidate)
    try {
      await this.adapter.write(candidate)
    } catch (error) {
      // What is on disk stays what the store answers with: the old file, unless it was replaced.
      if (error instanceof WriteError && error.replaced) this.#db.data = candidate
      throw error
    }
    this.#db.data = candidate
  }
}

/** Throws ProjectError when a project file about to be written is invalid. */
function checkProject(file: string, project: ProjectFile): void {
  const shape = zProjectFile.safeParse(project)
  if (!shape.success) throw new ProjectError(file, joinProblems(zodProblems(shape.error)))
  const problems = formatProblems(validateProject(shape.data))
  if (problems.length > 0) throw new ProjectError(file, joinProblems(problems))
}
