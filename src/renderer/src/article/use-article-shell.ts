// What the shell keeps for the article: the tag palette's place, the editor and the actions run
// through it, the linking state, and opening a link of the article in the system browser.
//
// The palette's place is a store: it follows every change of the text selection (it closes when a
// tag collapses the selection), and only the palette shows it.
import { useCallback, useState, type RefObject } from 'react'
import type { Api, Settings } from '../../../shared/ipc-contract'
import { messageOf } from '../common/error-message'
import { ValueStore } from '../common/value-store'
import type { TextSelectionInfo } from '../editor-api'
import type { Hint } from './article-hint'
import type { Box } from './palette-position'
import { useEditorActions, type AliasHistory } from './use-editor-actions'
import { useLinking } from './use-linking'

/** The article's state held by the shell; `onNotice` shows a failure in the notice banner. */
export function useArticleShell(
  api: Api,
  settings: Settings,
  onNotice: (message: string) => void,
  aliasHistory?: RefObject<AliasHistory | null>,
) {
  const [palette] = useState(() => new ValueStore<Box | null>(null))
  const closePalette = useCallback(() => palette.set(null), [palette])
  const [hint, setHint] = useState<Hint | null>(null)
  const showHint = useCallback((message: string, at?: DOMRect | null) => {
    setHint((h) => ({
      message,
      anchor: at ? rectBox(at) : null,
      seq: (h?.seq ?? 0) + 1,
      shownAt: performance.now(),
    }))
  }, [])
  const dismissHint = useCallback(
    (seq: number) => setHint((h) => (h && h.seq === seq ? null : h)),
    [],
  )
  const actions = useEditorActions(settings, closePalette, showHint, aliasHistory)
  const linking = useLinking(actions.editor, settings.annotator)

  const onTextSelection = useCallback(
    (info: TextSelectionInfo | null) => palette.set(info ? rectBox(info.rect) : null),
    [palette],
  )

  const openUrl = useCallback(
    (url: string) => {
      api['shell:open-external']({ url }).catch((error: unknown) =>
        onNotice(`Could not open the link: ${messageOf(error)}`),
      )
    },
    [api, onNotice],
  )

  return { palette, closePalette, hint, dismissHint, actions, linking, onTextSelection, openUrl }
}

/** A DOMRect as a plain box for state (the palette only needs its numbers). */
function rectBox(rect: DOMRect): Box {
  return { top: rect.top, left: rect.left, width: rect.width, height: rect.height }
}
