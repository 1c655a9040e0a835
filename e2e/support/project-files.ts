// Reads what the app wrote: the open project's folder (asked of the app through `window.api`, the
// same in both modes) and its files on disk, validated with the model's own schemas.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from '@playwright/test'
import type { ProjectSnapshot } from '../../src/shared/ipc-contract'
import {
  zDocumentFile,
  zProjectFile,
  type DocumentFile,
  type ProjectFile,
} from '../../src/shared/model'

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

/** project.json of a project folder, validated. */
export async function readProjectFile(dir: string): Promise<ProjectFile> {
  return zProjectFile.parse(JSON.parse(await readFile(path.join(dir, 'project.json'), 'utf8')))
}

/** One document's file, validated. */
export async function readDocumentFile(dir: string, docId: string): Promise<DocumentFile> {
  const project = await readProjectFile(dir)
  const entry = project.documents.find((d) => d.id === docId)
  if (!entry) throw new Error(`document ${docId} is not in ${dir}/project.json`)
  return zDocumentFile.parse(JSON.parse(await readFile(path.join(dir, entry.file), 'utf8')))
}

/** Every document file of a project, in index order. */
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
