// Which document was last viewed in each project, kept in the renderer's localStorage: a view
// preference, not project data, so it never touches the project folder.

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
