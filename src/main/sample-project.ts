// First start: copy the sample project from the app's resources into the user's data folder, so the
// analyst sees what the tool does and edits a copy (the app folder is read-only when packaged).
import { randomBytes } from 'node:crypto'
import { access, cp, mkdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'

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
      // Lock files, temp files and other dot-files of the source are not part of the sample.
      filter: (src) => src === sampleDir || !path.basename(src).startsWith('.'),
    })
    await rename(temp, target)
  } catch (error) {
    await rm(temp, { recursive: true, force: true }).catch(() => undefined)
    throw error
  }
  return target
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
