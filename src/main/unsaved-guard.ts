// What main does before a window closes or the app quits, when the renderer may hold edits it
// could not save: ask it to flush, and if its last save failed (a full disk, a file turned
// read-only), keep the window open and say so, offering Retry, Save a copy elsewhere, or Quit
// anyway. No Electron here: lifecycle.ts passes the native dialogs, the e2e harness scripted ones.
import path from 'node:path'
import type { AppSession } from './session'

/** The user's answer to "The last changes could not be saved". */
export type UnsavedChoice = 'retry' | 'copy' | 'quit' | 'cancel'

/** The questions the guard asks. */
export interface UnsavedDialogs {
  /**
   * Says the last save failed (`message` names the file and the cause; `note` says what the last
   * attempt at a copy did) and asks what to do. `action` is what is being held: closing or quitting.
   */
  askUnsaved(message: string, action: 'close' | 'quit', note?: string): Promise<UnsavedChoice>
  /** Where to save a copy of the unsaved document, proposing `defaultName`; null if cancelled. */
  chooseCopyPath(defaultName: string): Promise<string | null>
}

/**
 * Flushes the renderer before a close or quit and resolves whether the window may go: true when
 * everything was saved (or the renderer did not answer in time), when a copy of the unsaved
 * document was written where the user chose, or when the user chose to quit anyway; false when the
 * user chose to keep the window open. Retry asks the renderer to save again.
 */
export async function flushBeforeClose(
  session: AppSession,
  dialogs: UnsavedDialogs,
  action: 'close' | 'quit',
): Promise<boolean> {
  let note: string | undefined
  for (;;) {
    const result = await session.requestFlush()
    if (result.kind !== 'failed') return true
    const choice = await dialogs.askUnsaved(result.message, action, note)
    note = undefined
    if (choice === 'quit') return true
    if (choice === 'cancel') return false
    if (choice === 'retry') continue
    const unsaved = result.unsaved
    if (!unsaved) {
      note = 'There is no document to copy.'
      continue
    }
    const file = await dialogs.chooseCopyPath(`${unsaved.docId} (unsaved copy).json`)
    if (!file) continue
    try {
      await session.saveDocumentCopy(file, unsaved.docId, unsaved.annotations)
      return true
    } catch (error) {
      note = `The copy could not be saved to ${path.basename(file)}: ${error instanceof Error ? error.message : String(error)}`
    }
  }
}
