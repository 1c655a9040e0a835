// The names of the IPC channels, with no validators attached. Why a second module: the sandboxed
// preload must be one small CommonJS file that requires only 'electron', and importing the contract
// (which holds the zod validators) would bundle zod into it. `ipc-contract.ts` asserts at compile
// time that its table has exactly these names, so the two cannot drift.

/** Every invoke channel of the contract, in a stable order. */
export const CHANNEL_NAMES = [
  'app:init',
  'app:flushed',
  'settings:get',
  'settings:set',
  'project:new',
  'project:open',
  'project:open-recent',
  'project:close',
  'project:snapshot',
  'project:set-schema',
  'project:set-entities',
  'document:load',
  'document:save',
  'document:save-changes',
  'document:load-set',
  'document:compare-sets',
  'project:analysts',
  'annotations:merge',
  'import:dialog',
  'import:data',
  'import:paste',
  'import:cancel',
  'export:run',
  'formats:list',
  'annotations:import-preview',
  'annotations:import-commit',
  'annotations:import-discard',
  'task:cancel',
  'claims:table',
  'claims:export',
  'entities:remove',
  'agreement:compute',
  'agreement:export',
  'curation:state',
  'curation:start',
  'curation:decide',
  'overview:data',
  'overview:export',
  'report:export',
  'suggestions:feedback',
  'shell:open-external',
] as const

export type ChannelName = (typeof CHANNEL_NAMES)[number]

/** The one channel on which main sends events (menu commands, flush requests) to the renderer. */
export const EVENT_CHANNEL = 'marginalia:event'
