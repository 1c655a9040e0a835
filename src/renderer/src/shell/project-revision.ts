// The project's data revision: a number that grows whenever what main would answer about the
// project's annotations may have changed. Views built from main's answers (the claims table) keep
// the answer they have while the revision stays, instead of asking main again on every show.
//
// It grows on an edit of the open document, on a new snapshot (an import, a registry or schema
// edit, another project, main's `project-changed`), and after every IPC call that may write to the
// project (curation, an annotations import, settings): every channel but the read-only ones below,
// so a channel added later counts as a write until it is listed here. A document's own save does
// not count: it writes the edit that was already counted, and a view asks for its answer only after
// saving (so counting the save would load that view twice).
import { CHANNEL_NAMES, type ChannelName } from '../../../shared/channels'
import type { Api } from '../../../shared/ipc-contract'
import { ValueStore } from '../common/value-store'

/** Channels that change nothing in the project (they read, or write only outside it). */
const UNCHANGING: ReadonlySet<ChannelName> = new Set<ChannelName>([
  'app:flushed',
  'settings:get',
  'project:snapshot',
  'document:load',
  'document:save',
  'document:save-changes',
  'document:load-set',
  'document:compare-sets',
  'project:analysts',
  'export:run',
  'formats:list',
  'annotations:import-preview',
  'annotations:import-discard',
  'claims:table',
  'claims:export',
  'agreement:compute',
  'agreement:export',
  'curation:state',
  'overview:data',
  'overview:export',
  'report:export',
  'shell:open-external',
])

/** The revision; `bump` after anything that may have changed the project's data. */
export class ProjectRevision extends ValueStore<number> {
  constructor() {
    super(0)
  }

  readonly bump = (): void => this.set(this.get() + 1)
}

/**
 * `api` with every call of a channel that may write to the project bumping `revision` when it
 * settles (failed too: a failed write may have written part of its change).
 */
export function countingWrites(api: Api, revision: ProjectRevision): Api {
  const source = api as unknown as Record<string, (args?: unknown) => Promise<unknown>>
  const counted: Record<string, unknown> = { onEvent: api.onEvent.bind(api) }
  for (const name of CHANNEL_NAMES) {
    const call = source[name]
    if (typeof call !== 'function') continue
    counted[name] = UNCHANGING.has(name)
      ? call.bind(api)
      : (args?: unknown) => call.call(api, args).finally(() => revision.bump())
  }
  return counted as unknown as Api
}
