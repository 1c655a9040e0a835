// The top bar's one Import button, opening a menu of what can be imported: documents, or another
// tool's annotations. It follows the WAI-ARIA menu button pattern: Enter, Space or the arrows open
// it on an item, the arrows, Home and End move between items, Escape closes it and gives focus back
// to the button, and Tab or a click elsewhere closes it.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react'
import './datasets.css'

interface ImportMenuProps {
  onImportDocuments: () => void
  onPasteArticle: () => void
  onImportAnnotations: () => void
  disabled?: boolean
  /**
   * The project's "Pre-annotate on import" setting, shown as a checkable item: documents imported
   * while it is on come with the suggestion engine's proposals accepted (annotator "auto").
   */
  preAnnotate?: { on: boolean; set: (on: boolean) => void }
}

/** "Import ▾" with its menu: documents from files, a pasted article, another tool's annotations. */
export function ImportMenu(props: ImportMenuProps) {
  const button = useRef<HTMLButtonElement>(null)
  const menu = useRef<HTMLDivElement>(null)
  const menuId = useId()
  const { open, show, close, setOpen } = useMenuState(button, menu)
  const items = [
    { label: 'Documents (.pdf, .docx, .html, .md, .txt)…', run: props.onImportDocuments },
    { label: 'Pasted article…', run: props.onPasteArticle },
    { label: 'Annotations from another tool…', run: props.onImportAnnotations },
  ]

  const onButtonKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      show(event.key === 'ArrowDown' ? 'first' : 'last')
    }
  }

  const onMenuKey = (event: KeyboardEvent) => {
    const list = menuItems(menu.current)
    const at = list.indexOf(document.activeElement as HTMLElement)
    const move = (to: number) => list[(to + list.length) % list.length]?.focus()
    if (event.key === 'ArrowDown') move(at + 1)
    else if (event.key === 'ArrowUp') move(at - 1)
    else if (event.key === 'Home') move(0)
    else if (event.key === 'End') move(list.length - 1)
    else if (event.key === 'Escape') close(true)
    else if (event.key === 'Tab') return setOpen(false)
    else return
    event.preventDefault()
    event.stopPropagation() // Escape here closes the menu only, not the panel's selection too
  }

  return (
    <div className="menu-button">
      <button
        ref={button}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={props.disabled}
        onClick={() => (open ? close(false) : show('first'))}
        onKeyDown={onButtonKey}
      >
        Import <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div
          ref={menu}
          id={menuId}
          className="menu"
          role="menu"
          aria-label="Import"
          onKeyDown={onMenuKey}
        >
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="menu-item"
              onClick={() => {
                close(true)
                item.run()
              }}
            >
              {item.label}
            </button>
          ))}
          {props.preAnnotate && <PreAnnotateItem {...props.preAnnotate} />}
        </div>
      )}
    </div>
  )
}

/** "Pre-annotate on import", a checkable item below a separator (a project setting). */
function PreAnnotateItem({ on, set }: { on: boolean; set: (on: boolean) => void }) {
  return (
    <>
      <div className="menu-separator" role="separator" />
      <button
        type="button"
        role="menuitemcheckbox"
        aria-checked={on}
        tabIndex={-1}
        className="menu-item menu-item-check"
        title="Documents imported from now on come with the suggested cues, quotations, claims and sources accepted, as annotator “auto” (a project setting)"
        onClick={() => set(!on)}
      >
        <span className="menu-check" aria-hidden="true">
          {on ? '✓' : ''}
        </span>
        Pre-annotate on import
      </button>
    </>
  )
}

/** The menu's items, in order. */
function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return [
    ...(menu?.querySelectorAll<HTMLElement>('[role=menuitem], [role=menuitemcheckbox]') ?? []),
  ]
}

/**
 * Whether the menu is open; opening focuses its first or last item, and a press outside the menu
 * and its button closes it.
 */
function useMenuState(
  button: RefObject<HTMLButtonElement | null>,
  menu: RefObject<HTMLDivElement | null>,
) {
  const [open, setOpen] = useState(false)
  const [initial, setInitial] = useState<'first' | 'last'>('first')

  useEffect(() => {
    if (!open) return
    const list = menuItems(menu.current)
    list[initial === 'first' ? 0 : list.length - 1]?.focus()
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointerDown, true)
    return () => document.removeEventListener('pointerdown', onPointerDown, true)
  }, [open, initial, button, menu])

  const show = (at: 'first' | 'last') => {
    setInitial(at)
    setOpen(true)
  }
  const close = (refocus: boolean) => {
    setOpen(false)
    if (refocus) button.current?.focus()
  }
  return { open, setOpen, show, close }
}
