// Where an export may write, and how it replaces what was there. Shared by the dataset exports
// (export.ts) and the claims table (claims-export.ts), so each rule has one definition.
//
// The guard compares real paths: the real path of the project folder against the real path of the
// output (the output itself when it exists, else its deepest existing parent plus the rest), so a
// symlinked folder, a `..` or a save dialog's `/tmp` for `/private/tmp` cannot route an export
// into the project. Any output inside the project folder is refused, and so is a folder export
// that would hold the project.
//
// The replacement is whole: an export is written to a temporary sibling of the output (a file, or
// a folder with its manifest written last), synced, and renamed into place only when complete. A
// re-export therefore never mixes old and new files, and a killed export leaves the old output
// as it was plus a temporary sibling, which the next export to the same place removes.
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, open, readdir, readFile, realpath, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import type { ExportManifest, FileProblem } from '../../shared/ipc-contract'
import { DOCUMENTS_DIR, ProjectError } from './storage'
import { isCode, syncFolder } from './storage/durable-write'

/** Name of the manifest inside a folder export; a file export's manifest is `<file>.manifest.json`. */
export const FOLDER_MANIFEST = 'manifest.json'

/** A name safe on every platform: no path separators, reserved or control characters, ≤ 120. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_').trim()
  return cleaned.slice(0, 120).trim() || 'export'
}

/** A problem report for a document that could not be loaded, naming its file in the project. */
export function loadProblem(projectDir: string, id: string, error: unknown): FileProblem {
  if (error instanceof ProjectError) {
    return { file: path.relative(projectDir, error.file) || error.file, message: error.detail }
  }
  const message = error instanceof Error ? error.message : String(error)
  return { file: `${DOCUMENTS_DIR}/${id}.json`, message }
}

/** The real path of `p`: of `p` itself when it exists, else of its deepest existing parent. */
export async function realPathOf(p: string): Promise<string> {
  const rest: string[] = []
  let current = path.resolve(p)
  for (;;) {
    try {
      return path.join(await realpath(current), ...rest.reverse())
    } catch (error) {
      if (!isCode(error, 'ENOENT', 'ENOTDIR')) throw error
      const parent = path.dirname(current)
      if (parent === current) return path.resolve(p)
      rest.push(path.basename(current))
      current = parent
    }
  }
}

/** Whether `inner` is `outer` or lies inside it (real paths; case-blind where the disk is). */
export function isInside(outer: string, inner: string): boolean {
  const fold = (p: string) =>
    process.platform === 'darwin' || process.platform === 'win32' ? p.toLowerCase() : p
  const rel = path.relative(fold(outer), fold(inner))
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel))
}

/**
 * Throws when writing `targets` would touch the project in `projectDir`: any of them inside the
 * project folder, or the project inside one of them. `what` names the output in the message.
 */
export async function refuseProjectFiles(
  projectDir: string,
  targets: readonly string[],
  what = 'an export',
): Promise<void> {
  const project = await realPathOf(projectDir)
  for (const target of targets) {
    const real = await realPathOf(target)
    if (isInside(project, real) || isInside(real, project)) {
      throw new Error(
        `${target}: will not write ${what} inside the project folder ${projectDir}` +
          (real !== path.resolve(target) ? ` (it resolves to ${real})` : ''),
      )
    }
  }
}

/** One file of an export: its path relative to the output, and its bytes. */
export interface OutputFile {
  path: string
  data: string | Uint8Array
}

/** The `files` list of a manifest: each file's path, size and SHA-256. */
export function fileDigests(files: readonly OutputFile[]): NonNullable<ExportManifest['files']> {
  return files.map((f) => {
    const bytes = typeof f.data === 'string' ? Buffer.from(f.data, 'utf8') : f.data
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    return { path: f.path, bytes: bytes.length, sha256 }
  })
}

const SIBLING = /^\.(.+)\.marginalia-(?:new|old)-\d+-[0-9a-f]{12}$/

/** A temporary sibling of `target`, named so that `cleanSiblings(target)` finds it. */
export function siblingName(target: string, kind: 'new' | 'old'): string {
  const unique = `${process.pid}-${randomBytes(6).toString('hex')}`
  return path.join(path.dirname(target), `.${path.basename(target)}.marginalia-${kind}-${unique}`)
}

/**
 * Removes the temporary siblings an earlier, interrupted export to `target` left behind. When the
 * interruption came between moving the old output aside and moving the new one in, the old
 * output is put back first, so no export is ever lost to a kill.
 */
export async function cleanSiblings(target: string): Promise<void> {
  const folder = path.dirname(target)
  const base = path.basename(target)
  const names = (await readdir(folder).catch(() => [] as string[])).filter(
    (n) => SIBLING.exec(n)?.[1] === base,
  )
  const old = names.filter((n) => n.includes('.marginalia-old-'))
  if (old.length > 0 && !(await stat(target).catch(() => null))) {
    await rename(path.join(folder, old[0]), target)
    names.splice(names.indexOf(old[0]), 1)
  }
  for (const name of names) await rm(path.join(folder, name), { recursive: true, force: true })
}

async function writeSynced(file: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(file, 'wx', 0o644)
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * Writes a single-file export and, when given, its manifest beside it (`<file>.manifest.json`):
 * both go to temporary siblings first, then are renamed into place, the file first. The manifest
 * lists the file's SHA-256, so a reader can tell a manifest from the file it describes.
 */
export async function writeFileOutput(
  target: string,
  data: string | Uint8Array,
  manifest?: { path: string; text: string },
): Promise<void> {
  if ((await stat(target).catch(() => null))?.isDirectory()) {
    throw new Error(`${target}: is a folder; give a file name`)
  }
  await mkdir(path.dirname(target), { recursive: true })
  const pairs: [string, string | Uint8Array][] = [[target, data]]
  if (manifest) pairs.push([manifest.path, manifest.text])
  const temps = pairs.map(([file]) => siblingName(file, 'new'))
  try {
    for (const [i, [file, bytes]] of pairs.entries()) {
      await cleanSiblings(file)
      await writeSynced(temps[i], bytes)
    }
    for (const [i, [file]] of pairs.entries()) await rename(temps[i], file)
  } finally {
    for (const temp of temps) await rm(temp, { force: true })
  }
  await syncFolder(path.dirname(target))
}

/**
 * Writes a folder export whole: its files and then `manifest.json` into a temporary sibling, which
 * replaces `target` only when complete. `target` must be absent, an empty folder, or an earlier
 * export; when the earlier export's manifest lists its files, a file it does not list (one the
 * user put there) makes the export refuse rather than delete it.
 */
export async function writeFolderOutput(
  target: string,
  files: readonly OutputFile[],
  manifestText: string,
): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true })
  await cleanSiblings(target)
  const existing = await checkReplaceable(target)
  const temp = siblingName(target, 'new')
  try {
    await mkdir(temp)
    for (const file of files) {
      const full = inside(temp, file.path)
      await mkdir(path.dirname(full), { recursive: true })
      await writeSynced(full, file.data)
    }
    await writeSynced(path.join(temp, FOLDER_MANIFEST), manifestText)
    await syncFolder(temp)
    await replaceFolder(temp, target, existing)
  } finally {
    await rm(temp, { recursive: true, force: true })
  }
}

/**
 * Moves the complete folder `temp` to `target`: the earlier export (`existing`) is moved aside
 * first and removed once the new one is in place, or put back when the move fails.
 */
export async function replaceFolder(
  temp: string,
  target: string,
  existing: boolean,
): Promise<void> {
  if (existing) {
    const old = siblingName(target, 'old')
    await rename(target, old)
    try {
      await rename(temp, target)
    } catch (error) {
      await rename(old, target).catch(() => undefined) // cleanSiblings restores it otherwise
      throw error
    }
    await rm(old, { recursive: true, force: true })
  } else {
    await rename(temp, target)
  }
  await syncFolder(path.dirname(target))
}

/** Whether `target` exists (and may be replaced); throws when it must not be. */
export async function checkReplaceable(target: string): Promise<boolean> {
  const info = await stat(target).catch(() => null)
  if (!info) return false
  if (!info.isDirectory()) throw new Error(`${target}: exists and is not a folder`)
  const entries = await listFiles(target)
  if (entries.length === 0) return true
  if (!entries.includes(FOLDER_MANIFEST)) {
    throw new Error(`${target}: the folder is not empty and holds no earlier export`)
  }
  const listed = await listedFiles(path.join(target, FOLDER_MANIFEST))
  if (listed) {
    const foreign = entries.filter((e) => e !== FOLDER_MANIFEST && !listed.has(e))
    if (foreign.length > 0) {
      const named = foreign.slice(0, 3).join(', ') + (foreign.length > 3 ? ', …' : '')
      throw new Error(
        `${target}: holds files the earlier export did not write (${named}); ` +
          'move them away or choose another folder',
      )
    }
  }
  return true
}

/** The files an earlier manifest lists, or null when it lists none (older exports). */
async function listedFiles(manifestPath: string): Promise<Set<string> | null> {
  try {
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Partial<ExportManifest>
    return Array.isArray(manifest.files) ? new Set(manifest.files.map((f) => f.path)) : null
  } catch {
    return null
  }
}

/** Every file under `folder`, as `/`-separated paths relative to it. */
async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true })
  return entries
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(folder, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
}

/** The absolute path of an output file, which must stay inside the export folder. */
export function inside(folder: string, relative: string): string {
  const full = path.resolve(folder, relative)
  if (path.isAbsolute(relative) || !full.startsWith(folder + path.sep)) {
    throw new Error(`export file "${relative}" would be written outside ${folder}`)
  }
  return full
}
