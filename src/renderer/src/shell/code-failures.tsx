// A chunk of the renderer's code that could not be loaded (shell/split-code.ts): on a sound install
// this never happens, so when it does the analyst is told what is missing, with the file the
// browser named, and can try again (a view's tab, or a dialog opened again, also tries again).
// Nothing of the project is at stake: the article and its edits are in the start-up script.
import { useState } from 'react'
import { errorText } from '../common/error-boundary'
import type { LaterCode } from '../common/later-code'
import { useStoreValue } from '../common/value-store'
import { NoticeBanner } from './notice-banner'
import { splitCodes } from './split-code'

/** One notice per chunk whose last load failed, until dismissed or loaded. */
export function CodeFailures({ codes = splitCodes }: { codes?: readonly LaterCode<unknown>[] }) {
  return codes.map((code) => <CodeFailure key={code.name} code={code} />)
}

function CodeFailure({ code }: { code: LaterCode<unknown> }) {
  const failure = useStoreValue(code.failure)
  const [dismissed, setDismissed] = useState<Error | null>(null)
  if (!failure || failure === dismissed) return null
  return (
    <NoticeBanner
      message={codeFailureMessage(code.name, failure)}
      action={{ label: 'Try again', onAction: () => void code.load().catch(console.error) }}
      onDismiss={() => setDismissed(failure)}
    />
  )
}

/** What the notice says: what could not be loaded, the browser's reason, and what to do. */
export function codeFailureMessage(name: string, failure: Error): string {
  const reason = errorText(failure).replace(/\.$/, '')
  return (
    `Marginalia could not load ${name}: ${reason}. Your project is not affected. ` +
    'If trying again does not help, the installation is damaged: reinstall Marginalia.'
  )
}

/** Where a part that could not be loaded would be shown (the notice above says why). */
export function NotLoaded({ what }: { what: string }) {
  return (
    <p className="muted view-failed" role="status">
      {what} could not be loaded (see the message at the top of the window).
    </p>
  )
}
