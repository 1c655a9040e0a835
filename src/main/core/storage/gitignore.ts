// The project's .gitignore: `.marginalia/` (the lock, temp files, the index cache) belongs to one
// machine and must never be committed or synced. Written when a project is created or migrated;
// an existing .gitignore (the team's own) only gains the line when it lacks it.
import { writeFileDurable } from './durable-write'
import { readUnlinked } from './json-file'
import { GITIGNORE_LINE, LOCAL_DIR, type ProjectLayout } from './layout'
import type { StorageFs } from './storage-fs'
import { isCode } from './durable-write'

const HEADER = "# Marginalia: this machine's lock, temp files and index cache (never shared)"

/** Whether a .gitignore's text already keeps `.marginalia/` out. */
function ignoresLocalDir(text: string): boolean {
  const forms = new Set([LOCAL_DIR, `${LOCAL_DIR}/`, `/${LOCAL_DIR}`, GITIGNORE_LINE])
  return text.split(/\r?\n/).some((line) => forms.has(line.trim()))
}

/** Writes or completes the project's .gitignore. A symbolic link there is left alone. */
export async function ensureGitignore(layout: ProjectLayout, fs: StorageFs): Promise<void> {
  let text = ''
  try {
    text = new TextDecoder().decode(await readUnlinked(fs, layout.gitignore))
  } catch (error) {
    if (!isCode(error, 'ENOENT')) return // a link or an unreadable file: not ours to replace
  }
  if (ignoresLocalDir(text)) return
  const separator = text === '' || text.endsWith('\n') ? '' : '\n'
  const next = `${text}${separator}${text ? '\n' : ''}${HEADER}\n${GITIGNORE_LINE}\n`
  await writeFileDurable(layout.gitignore, next, fs, layout.tempDir)
}
