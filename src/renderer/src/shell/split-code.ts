// What the page's start-up script leaves out: the views not shown at start (Claims and Sources,
// Agreement and Curation; the Overview's chunk loads when its panel is first rendered) and the
// dialogs, each a chunk of its own (common/later-code.tsx). They load one per idle callback once
// the first screen is shown (start-up.ts), before the hidden views' first renders; a switch to a
// view whose code is not in yet waits for it (`viewSwitcher`), so the view is never shown empty.
// test/renderer/shell/split-code.test.ts checks that the start-up script does not import them.
import { LaterCode } from '../common/later-code'
import { startUp, type StartUpQueue } from './start-up'
import type { AppView } from './view-tabs'

export const claimsCode = new LaterCode(
  'the Claims and Sources views',
  () => import('../claims/claims-views'),
)
export const teamCode = new LaterCode(
  'the Agreement and Curation views',
  () => import('../team/team-views'),
)
export const dialogsCode = new LaterCode(
  'the dialogs (export, import, schema, report)',
  () => import('./later-dialogs'),
)
/**
 * The Overview with its charts (ECharts): loaded when its panel is first rendered (ViewPanel: at
 * idle after the first screen, or when its tab is shown if sooner), not with the preload's chunks.
 */
export const overviewCode = new LaterCode('the Overview', () => import('../overview/overview-view'))

/** Every split-off chunk, for the shell's notice of one that failed to load. */
export const splitCodes: readonly LaterCode<unknown>[] = [
  claimsCode,
  teamCode,
  dialogsCode,
  overviewCode,
]

/** The code a view needs before it is shown (null: it is in the start-up script). */
export function codeOfView(view: AppView): LaterCode<unknown> | null {
  switch (view) {
    case 'claims':
    case 'sources':
      return claimsCode
    case 'agreement':
    case 'curation':
      return teamCode
    default:
      return null
  }
}

/**
 * Shows views through `setView`; one whose code is not in yet (asked for before the preload brought
 * it) is shown once it is (right after the render that puts it in, in the same task), unless
 * another view was asked for meanwhile.
 */
export function viewSwitcher(
  setView: (view: AppView) => void,
  codeOf: (view: AppView) => LaterCode<unknown> | null = codeOfView,
): (view: AppView) => void {
  let wanted: AppView | null = null
  return (next) => {
    wanted = next
    const code = codeOf(next)
    if (!code || code.loaded.get()) {
      setView(next)
      return
    }
    const show = () => {
      if (wanted === next) setView(next)
    }
    // A chunk that cannot load shows the view with the failure's placeholder rather than leave
    // the tab dead; the shell's notice names the chunk (code-failures.tsx).
    code.load().then(show, (error: unknown) => {
      console.error(error)
      show()
    })
  }
}

/** Loads each split-off chunk in an idle callback of its own once the first screen is shown. */
export function preloadSplitCode(queue: StartUpQueue = startUp): void {
  for (const code of [claimsCode, teamCode, dialogsCode])
    queue.whenIdle(() => void code.load().catch(console.error))
}
