// Reading a paste event's clipboard: the HTML a browser puts there for a copied selection, and its
// plain text. The HTML is only handed to main (which sanitises it in the import worker); the
// renderer never puts it into the page.

/** What a paste held; either may be missing. */
export interface ClipboardPayload {
  html?: string
  text?: string
}

/** The HTML and plain text of a paste event; null when it held neither (an image, a file). */
export function clipboardPayload(data: DataTransfer | null): ClipboardPayload | null {
  const html = data?.getData('text/html') ?? ''
  const text = data?.getData('text/plain') ?? ''
  if (html.trim() === '' && text.trim() === '') return null
  return { ...(html.trim() !== '' ? { html } : {}), ...(text !== '' ? { text } : {}) }
}

/**
 * Whether a paste aimed at `target` is the window's to take as an article: not in a text field or
 * an editable region of its own (the read-only article view is not one), and no dialog open.
 */
export function isArticlePasteTarget(target: Element | null): boolean {
  if (document.querySelector('dialog[open]')) return false
  if (!target) return true
  if (target.closest('.mg-article')) return true
  const tag = target.tagName.toUpperCase()
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return false
  return !(target instanceof HTMLElement && target.isContentEditable)
}
