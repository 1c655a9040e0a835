// The floating palette that appears by a text selection: one button per label of each layer,
// showing the layer's shortcut key. Buttons keep the article's selection (mousedown is not allowed
// to move focus), and the palette is a toolbar so arrow keys move between its buttons. It is placed
// inside the article's scroll container, so it scrolls with the text it belongs to.
import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { AnnotationSchema } from '../../../shared/model'
import { placePalette, type Box } from './palette-position'

interface TagPaletteProps {
  schema: AnnotationSchema
  /** The selection's rectangle in viewport coordinates, when the palette opened. */
  anchor: Box
  /** The scroll container the palette is absolutely positioned in. */
  container: HTMLElement | null
  onTag: (layerId: string, label: string) => void
}

/** The tag palette, positioned near the selection. */
export function TagPalette({ schema, anchor, container, onTag }: TagPaletteProps) {
  const ref = useRef<HTMLDivElement>(null)
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null)

  useLayoutEffect(() => {
    const el = ref.current
    if (!el || !container) return
    // Place it within the container's visible area, then convert to content coordinates.
    const box = container.getBoundingClientRect()
    const visible = placePalette(
      { ...anchor, top: anchor.top - box.top, left: anchor.left - box.left },
      { width: el.offsetWidth, height: el.offsetHeight },
      { width: container.clientWidth, height: container.clientHeight },
    )
    setPosition({
      top: visible.top + container.scrollTop,
      left: visible.left + container.scrollLeft,
    })
  }, [anchor, container])

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return
    const buttons = Array.from(e.currentTarget.querySelectorAll('button'))
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement)
    const next = buttons[(i + (e.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length]
    next?.focus()
    e.preventDefault()
  }

  return (
    <div
      ref={ref}
      className="tag-palette"
      role="toolbar"
      aria-label="Tag selection as"
      style={position ? { top: position.top, left: position.left } : { visibility: 'hidden' }}
      onKeyDown={onKeyDown}
      onMouseDown={(e) => e.preventDefault()}
    >
      {schema.layers.flatMap((layer) =>
        layer.labels.map((label, i) => {
          const key = i === 0 ? layer.shortcut : undefined
          return (
            <button
              key={`${layer.id}:${label.name}`}
              type="button"
              className="palette-button"
              style={{ ['--layer-color' as string]: label.color ?? layer.color }}
              aria-keyshortcuts={key}
              onClick={() => onTag(layer.id, label.name)}
            >
              <span className="swatch" aria-hidden="true" />
              {label.name}
              {key && <kbd aria-hidden="true">{key}</kbd>}
            </button>
          )
        }),
      )}
    </div>
  )
}
