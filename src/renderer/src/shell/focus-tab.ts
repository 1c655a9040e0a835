// Where keyboard focus goes when what held it leaves the page.
import { useLayoutEffect, type RefObject } from 'react'

/**
 * When `ref`'s element leaves the page holding focus (a notice dismissed, or gone once its Try
 * again worked; a view's error screen retried), focus goes to the tab of the view on show instead
 * of falling to the page's body, where the keyboard would start again from the top.
 */
export function useFocusTabWhenGone(ref: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const el = ref.current
    // A layout effect's cleanup runs while the element is still in the page, focus still in it.
    return () => {
      const doc = el?.ownerDocument
      if (!el || !doc || !el.contains(doc.activeElement)) return
      doc.querySelector<HTMLElement>('[role=tab][aria-selected="true"]')?.focus()
    }
  }, [ref])
}
