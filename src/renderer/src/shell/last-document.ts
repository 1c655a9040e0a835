// Which document was last viewed in each project, kept in the renderer's localStorage: a view
// preference, not project data, so it never touches the project folder.
import type { ProjectSnapshot } from '../../../shared/ipc-contract'

const PREFIX = 'marginalia:last-document:'

/** Remembers that `docId` was viewed in the project at `projectPath`. */
export function rememberDocument(projectPath: string, docId: string): void {
  try {
    localStorage.setItem(PREFIX + projectPath, docId)
  } catch {
    // Storage can be unavailable or full; the preference is not worth an error.
  }
}

/** The document last viewed in the project at `projectPath`, if known. */
export function rememberedDocument(projectPath: string): string | null {
  try {
    return localStorage.getItem(PREFIX + projectPath)
  } catch {
    return null
  }
}

/** The document a project opens on: the last one viewed in it, else its first readable one. */
export function initialDocumentId(snapshot: ProjectSnapshot): string | null {
  const readable = snapshot.documents.filter((d) => !d.error)
  const last = rememberedDocument(snapshot.path)
  return (readable.find((d) => d.id === last) ?? readable[0])?.id ?? null
}

/**
 * Reads the page's storage once: its first read waits for the browser to load it (over 200 ms on
 * a loaded machine), which should happen while main answers app:init, not after.
 */
export function openStorage(): void {
  rememberedDocument('')
}
