// Opening the Paste article dialog from the keyboard: Ctrl+Shift+V (⌘⇧V) anywhere but a text
// field, or a plain paste (Ctrl+V) on the window or the read-only article, which opens the
// dialog with what was pasted. Text fields and open dialogs keep their own paste.
import { useState } from 'react'
import { useWindowEvent } from '../common/use-window-event'
import { detectMac, isTextFieldTarget } from '../shell/shortcuts'
import { clipboardPayload, isArticlePasteTarget, type ClipboardPayload } from './clipboard-paste'

const isMac = detectMac(navigator.userAgent)

/** The Paste dialog's state: null when closed, else what it opens with. */
export function usePasteArticle(enabled: boolean) {
  const [pasting, setPasting] = useState<ClipboardPayload | null>(null)

  useWindowEvent('keydown', (e) => {
    if (!enabled || pasting || e.isComposing || e.altKey) return
    const mod = isMac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey
    if (!mod || !e.shiftKey || e.key.toLowerCase() !== 'v') return
    if (isTextFieldTarget(e.target as Element | null)) return
    if (document.querySelector('dialog[open]')) return
    e.preventDefault()
    setPasting({})
  })

  useWindowEvent('paste', (e) => {
    if (!enabled || pasting || !isArticlePasteTarget(e.target as Element | null)) return
    const payload = clipboardPayload(e.clipboardData)
    if (!payload) return
    e.preventDefault()
    setPasting(payload)
  })

  return { pasting, setPasting }
}
