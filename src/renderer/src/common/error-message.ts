// What the user reads when an IPC call or a file operation fails.
/** The human-readable message of a thrown value (IPC errors arrive as Error with a prefix). */
export function messageOf(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error)
  // Electron prefixes errors thrown in main handlers; the user needs only the cause.
  return raw.replace(/^Error invoking remote method '[^']*': (Error: )?/, '')
}
