// Reads what the app wrote: the open project's folder (asked of the app through `window.api`, the
// same in both modes) and its files on disk, read the way Marginalia reads them (a store opened
// read-only: project.json with the change files folded in, each analyst's annotation files).
import type { Page } from '@playwright/test'
import { ProjectStore } from '../../src/main/core/storage'
import type { ProjectSnapshot } from '../../src/shared/ipc-contract'
import type { DocumentFile, ProjectFile } from '../../src/shared/model'

/** The open project as main knows it (null when none is open). */
export function projectSnapshot(page: Page): Promise<ProjectSnapshot | null> {
  return page.evaluate<ProjectSnapshot | null>(`window.api['project:snapshot']()`)
}

/** The folder of the open project; throws when none is open. */
export async function openProjectDir(page: Page): Promise<string> {
  const snapshot = await projectSnapshot(page)
  if (!snapshot) throw new Error('no project is open')
  return snapshot.path
}

async function withStore<T>(dir: string, fn: (store: ProjectStore) => Promise<T>): Promise<T> {
  const store = await ProjectStore.open(dir, { lock: false })
  try {
    return await fn(store)
  } finally {
    await store.close()
  }
}

/** The project of a folder: project.json with every change file folded in, and its documents. */
export async function readProjectFile(dir: string): Promise<ProjectFile> {
  return withStore(dir, async (store) => structuredClone(store.project))
}

/**
 * One document with the annotations saved last for it (the app writes only its analyst's set, so
 * that is the one its latest save wrote; the sample's own "sample" set is older).
 */
export async function readDocumentFile(dir: string, docId: string): Promise<DocumentFile> {
  return withStore(dir, async (store) => {
    const file = await store.loadDocument(docId)
    let latest: { set: string; updatedAt: string } | null = null
    for (const { id } of store.listAnalysts(docId)) {
      const set = await store.loadAnnotations(docId, id)
      if (set && (!latest || set.updatedAt > latest.updatedAt)) {
        latest = set
        file.annotations = set.annotations
        file.set = id
      }
    }
    return file
  })
}

/** Every document of a project, in list order. */
export async function readAllDocuments(dir: string): Promise<DocumentFile[]> {
  const project = await readProjectFile(dir)
  return Promise.all(project.documents.map((d) => readDocumentFile(dir, d.id)))
}

/** The document whose title contains `title` (the first one when `title` is omitted). */
export async function findDocument(dir: string, title?: string): Promise<DocumentFile> {
  const documents = await readAllDocuments(dir)
  const found = title ? documents.find((d) => d.document.title.includes(title)) : documents[0]
  if (!found) throw new Error(`no document titled like ${JSON.stringify(title)} in ${dir}`)
  return found
}
