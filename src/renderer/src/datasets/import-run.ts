// What the window knows of a running document import, built from main's events alone (so it shows
// the same thing for files chosen in main's dialog, dropped, or pasted): the files in order, how
// each ended, which one is being read and how far into it (pages of a PDF). Kept apart from React
// so the rules are tested in Node.
import type { ImportFileOutcome, MainEvent } from '../../../shared/ipc-contract'

export interface ImportRunFile {
  name: string
  /** How it ended; undefined while waiting or being read. */
  outcome?: ImportFileOutcome
}

export interface ImportRunState {
  files: ImportRunFile[]
  /** The file being read (by name, as main's progress names it), and pages read of it. */
  current: { file: string; part?: { done: number; total: number } } | null
  /** The user asked to cancel; main has not answered yet. */
  cancelling: boolean
}

/** The state before main said which files it reads. */
export const EMPTY_RUN: ImportRunState = { files: [], current: null, cancelling: false }

/** The state after one of main's events (events of other tasks leave it as it is). */
export function applyImportEvent(state: ImportRunState, event: MainEvent): ImportRunState {
  switch (event.type) {
    case 'import-start':
      return { ...EMPTY_RUN, files: event.files.map((name) => ({ name })) }
    case 'import-file': {
      if (event.index < 0 || event.index >= state.files.length) return state
      const files = state.files.slice()
      files[event.index] = { name: event.file, outcome: event.outcome }
      const current = state.current?.file === event.file ? null : state.current
      return { ...state, files, current }
    }
    case 'progress':
      if (event.task !== 'import' || !event.file) return state
      return { ...state, current: { file: event.file, part: event.part } }
    default:
      return state
  }
}

/** Files ended so far, of all. */
export function runCounts(state: ImportRunState): { ended: number; total: number } {
  return {
    ended: state.files.filter((f) => f.outcome).length,
    total: state.files.length,
  }
}

/** The index of the file being read: the first not ended yet that has the current file's name. */
export function currentIndex(state: ImportRunState): number {
  const name = state.current?.file
  return name === undefined ? -1 : state.files.findIndex((f) => !f.outcome && f.name === name)
}

/** The status in words of file `index`, for the progress list. */
export function describeFile(state: ImportRunState, index: number): string {
  const file = state.files[index]
  const outcome = file?.outcome
  if (!outcome) {
    if (index !== currentIndex(state)) return state.cancelling ? 'cancelling…' : 'waiting'
    const part = state.current?.part
    return part ? `reading page ${part.done} of ${part.total}` : 'reading…'
  }
  switch (outcome.status) {
    case 'added':
      return outcome.notes.length > 0 ? `added (${outcome.notes.join('; ')})` : 'added'
    case 'duplicate':
      return `already in the project as “${outcome.existingTitle}”`
    case 'failed':
      return `failed: ${outcome.message}`
    case 'cancelled':
      return 'cancelled, not imported'
  }
}
