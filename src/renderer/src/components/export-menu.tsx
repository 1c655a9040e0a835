// The toolbar's Export menu button (WAI-ARIA menu button pattern): Enter/Space/ArrowDown open it
// on the first item, arrows move, Escape closes and returns focus to the button.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import type { ExportFormat } from '../../../shared/ipc-contract'
import { exportFormatItems } from '../lib/export-formats'

const ITEMS = exportFormatItems()

interface ExportMenuProps {
  onExport: (format: ExportFormat) => void
  disabled: boolean
}

/** A button that opens the list of export formats. */
export function ExportMenu({ onExport, disabled }: ExportMenuProps) {
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const items = useRef<(HTMLButtonElement | null)[]>([])
  const menuId = useId()

  useEffect(() => {
    if (!open) return
    items.current[0]?.focus()
    const outside = (e: PointerEvent) => {
      const t = e.target as Node
      if (!button.current?.parentElement?.contains(t)) setOpen(false)
    }
    window.addEventListener('pointerdown', outside)
    return () => window.removeEventListener('pointerdown', outside)
  }, [open])

  const close = () => {
    setOpen(false)
    button.current?.focus()
  }
  const onMenuKey = (e: KeyboardEvent) => {
    const i = items.current.findIndex((el) => el === document.activeElement)
    const n = ITEMS.length
    if (e.key === 'ArrowDown') items.current[(i + 1) % n]?.focus()
    else if (e.key === 'ArrowUp') items.current[(i - 1 + n) % n]?.focus()
    else if (e.key === 'Home') items.current[0]?.focus()
    else if (e.key === 'End') items.current[n - 1]?.focus()
    else if (e.key === 'Escape' || e.key === 'Tab') close()
    else return
    e.preventDefault()
    e.stopPropagation()
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
        disabled={disabled}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault()
            setOpen(true)
          }
        }}
      >
        Export <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div
          id={menuId}
          role="menu"
          aria-label="Export dataset"
          className="menu"
          onKeyDown={onMenuKey}
        >
          {ITEMS.map((item, i) => [
            i > 0 && item.primary !== ITEMS[i - 1].primary && (
              <div key={`sep-${i}`} role="separator" className="menu-separator" />
            ),
            <button
              key={item.format}
              ref={(el) => {
                items.current[i] = el
              }}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="menu-item"
              onClick={() => {
                close()
                onExport(item.format)
              }}
            >
              {item.name}
            </button>,
          ])}
        </div>
      )}
    </div>
  )
}
