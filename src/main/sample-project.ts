// First start: copy the sample project from the app's resources into the user's data folder, so the
// analyst sees what the tool does and edits a copy (the app folder is read-only when packaged).
// The sample's annotations are the set of an analyst named "sample"; the copy starts the user's
// own set from them, so the article opens annotated and every edit is the user's (the "sample"
// set stays as it was, to compare with). A second analyst's set, shipped beside the sample in
// `sample-team/annotations/<set>/`, is added to the copy, so the Agreement and Curation views
// have real disagreements to show on a first start.
import { randomBytes } from 'node:crypto'
import { access, cp, mkdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { ProjectStore } from './core/storage'

/** The analyst whose annotations the sample project holds. */
export const SAMPLE_ANALYST = 'sample'

/** Folder name of the installed sample, under `<userData>/projects`. */
export const SAMPLE_FOLDER_NAME = 'Sample — Russia–North Korea'

/**
 * Copies `sampleDir` to a new folder under `projectsDir` and returns its path. The copy goes to a
 * temp folder first and is renamed into place, so a crash never leaves a half-copied project that
 * would then be opened; an existing folder of the same name is never touched (a suffix is added).
 */
export async function installSampleProject(
  sampleDir: string,
  projectsDir: string,
  analyst?: string,
): Promise<string> {
  try {
    await access(path.join(sampleDir, 'project.json'))
  } catch {
    throw new Error(`${sampleDir}: the sample project is missing from the app's resources`)
  }
  await mkdir(projectsDir, { recursive: true })
  const target = await freeName(projectsDir, SAMPLE_FOLDER_NAME)
  const temp = path.join(
    projectsDir,
    `.installing-${process.pid}-${randomBytes(4).toString('hex')}`,
  )
  try {
    await cp(sampleDir, temp, {
      recursive: true,
      errorOnExist: true,
      force: false,
      // Its lock, temp files and caches (.marginalia/) are not part of the sample; .gitignore is.
      filter: (src) =>
        src === sampleDir ||
        !path.basename(src).startsWith('.') ||
        path.basename(src) === '.gitignore',
    })
    await addSampleTeam(sampleDir, temp)
    if (analyst !== undefined) await startOwnSet(temp, analyst)
    await rename(temp, target)
  } catch (error) {
    await rm(temp, { recursive: true, force: true }).catch(() => undefined)
    throw error
  }
  return target
}

/** The folder of the sample's second analyst: `sample-team` beside the sample project. */
export function sampleTeamDir(sampleDir: string): string {
  return path.join(path.dirname(sampleDir), 'sample-team')
}

/** Copies the second analyst's set files into the project at `dir` (none when not shipped). */
async function addSampleTeam(sampleDir: string, dir: string): Promise<void> {
  const team = path.join(sampleTeamDir(sampleDir), 'annotations')
  try {
    await access(team)
  } catch {
    return
  }
  await cp(team, path.join(dir, 'annotations'), {
    recursive: true,
    errorOnExist: true,
    force: false,
  })
}

async function freeName(parent: string, name: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = path.join(parent, n === 1 ? name : `${name} (${n})`)
    try {
      await access(candidate)
    } catch {
      return candidate
    }
  }
}

/** Gives `analyst` a set of each sample document, copied from the sample analyst's. */
async function startOwnSet(dir: string, analyst: string): Promise<void> {
  const store = await ProjectStore.open(dir, { analyst })
  try {
    if (store.analyst.id === SAMPLE_ANALYST) return
    for (const entry of store.project.documents) {
      const mine = await store.loadAnnotations(entry.id, store.analyst.id)
      const sample = await store.loadAnnotations(entry.id, SAMPLE_ANALYST)
      if (mine || !sample) continue
      await store.saveAnnotations(entry.id, sample.annotations, { stamp: false })
    }
  } finally {
    await store.close()
  }
}
