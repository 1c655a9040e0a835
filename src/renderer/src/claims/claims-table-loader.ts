// Loading the claims table from main once per change, not once per show. A table is built from its
// inputs: the scope, whose annotations, and the project's data revision (shell/project-revision.ts,
// which grows with every edit of the open document and every write to the project). Showing the
// view again with the same inputs asks main for nothing: the table on screen is that answer. A
// table that may be stale (the open document could not be saved first, or main failed) is loaded
// again on the next show; a load overtaken by a newer one is dropped.
import type { ClaimsSets, ClaimsTableResult } from '../../../shared/ipc-contract'
import { messageOf } from '../common/error-message'

export type ClaimsTableState =
  | { kind: 'loading'; previous: ClaimsTableResult | null }
  | { kind: 'ready'; table: ClaimsTableResult; unsaved: boolean }
  | { kind: 'error'; message: string }

/** What a claims table is built from: the same inputs, the same table. */
export interface TableInputs {
  /** The document in scope (null: the whole project). */
  docId: string | null
  /** Whose annotations. */
  sets: ClaimsSets
  /** The project's data revision as the table is asked for. */
  revision: number
}

export interface TableLoaderDeps {
  /** Saves the open document's pending edits; false when that failed. */
  flush: () => Promise<boolean>
  /** Asks main for the table. */
  fetch: (docId: string | null, sets: ClaimsSets) => Promise<ClaimsTableResult>
  /** Shows a state: `urgent` ones at once (loading), main's answers when React has time. */
  show: (state: ClaimsTableState, urgent: boolean) => void
}

/** Whether two inputs give the same table. */
export function sameInputs(a: TableInputs, b: TableInputs): boolean {
  return (
    a.docId === b.docId &&
    a.revision === b.revision &&
    JSON.stringify(a.sets) === JSON.stringify(b.sets)
  )
}

/** Loads the claims table when its inputs changed since the table on show (see the top). */
export class ClaimsTableLoader {
  private seq = 0
  /** The inputs of the table on show, when it is complete (saved first, loaded without error). */
  private current: TableInputs | null = null
  /** The inputs of the load under way. */
  private pending: TableInputs | null = null
  private last: ClaimsTableResult | null = null

  constructor(private readonly deps: TableLoaderDeps) {}

  /** Loads the table of `inputs`, unless it is the one on show or the one on its way. */
  show(inputs: TableInputs): Promise<void> {
    const known = this.pending ?? this.current
    if (known && sameInputs(known, inputs)) return Promise.resolve()
    return this.load(inputs)
  }

  /** Loads the table of `inputs` whatever is on show (Refresh). Never rejects. */
  async load(inputs: TableInputs): Promise<void> {
    const mine = ++this.seq
    this.pending = inputs
    this.current = null
    this.deps.show({ kind: 'loading', previous: this.last }, true)
    const saved = await this.deps.flush()
    let next: ClaimsTableState
    try {
      const table = await this.deps.fetch(inputs.docId, inputs.sets)
      if (mine !== this.seq) return
      this.last = table
      this.current = saved ? inputs : null
      next = { kind: 'ready', table, unsaved: !saved }
    } catch (error) {
      if (mine !== this.seq) return
      next = { kind: 'error', message: messageOf(error) }
    }
    this.pending = null
    this.deps.show(next, false)
  }
}
