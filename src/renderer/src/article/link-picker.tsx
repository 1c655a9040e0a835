// The link picker: a small popup by the span being linked, listing the spans it may link to (by the
// schema's relation types, grouped by type, nearest first) with a snippet of their context. Arrow
// keys move, ← → jump between groups, typing jumps to a match (link-picker-keys.ts), Enter links,
// Escape cancels; a click on an entry, or on a highlight in the article, picks it too. A listbox
// with aria-activedescendant keeps focus in one place while moving. It opens wholly inside the
// article's visible area and never scrolls the article: only its own list scrolls.
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { KeyboardEvent, RefObject } from 'react'
import type { AnnotationSchema } from '../../../shared/model'
import type { CandidateGroup } from '../editor-api'
import type { PickerState } from './use-linking'
import { clip, snippetOf } from './link-text'
import { pickerMove, type KeyOption } from './link-picker-keys'
import { placeBeside } from './palette-position'
import './link-picker.css'

interface LinkPickerProps {
  picker: PickerState
  schema: AnnotationSchema
  /** The article's scroll container, which the picker is placed in. */
  container: HTMLElement | null
  onPick: (typeId: string, direction: 'out' | 'in', spanId: string) => void
  /** Closes the picker; focus returns to the article unless `refocus` is false. */
  onClose: (refocus?: boolean) => void
}

/** The heading of one group: what the link says, e.g. "attributed to → Source". */
function groupTitle(schema: AnnotationSchema, group: CandidateGroup, retarget: boolean): string {
  const layers = (ids: string[]) =>
    ids.map((id) => schema.layers.find((l) => l.id === id)?.name ?? id).join(' / ')
  if (retarget) return `New ${layers(group.direction === 'out' ? group.type.to : group.type.from)}`
  return group.direction === 'out'
    ? `${group.type.name} → ${layers(group.type.to)}`
    : `${layers(group.type.from)} → ${group.type.name} this`
}

type Option = { group: CandidateGroup; candidate: CandidateGroup['candidates'][number] }

/** The highlighted option: the first one whenever another picker opens (set during render, so no
 * frame shows the old index against the new list). */
function useActiveIndex(picker: PickerState) {
  const [state, setState] = useState({ picker, index: 0 })
  const active = state.picker === picker ? state.index : 0
  const setActive = useCallback(
    (update: number | ((i: number) => number)) =>
      setState((s) => {
        const current = s.picker === picker ? s.index : 0
        return { picker, index: typeof update === 'function' ? update(current) : update }
      }),
    [picker],
  )
  return [active, setActive] as const
}

/** How long typed characters stay part of one type-ahead. */
const TYPE_AHEAD_MS = 1000

/** The picker popup. */
export function LinkPicker({ picker, schema, container, onPick, onClose }: LinkPickerProps) {
  const ref = useRef<HTMLDivElement>(null)
  const listRef = useRef<HTMLUListElement>(null)
  const baseId = useId()
  const [active, setActive] = useActiveIndex(picker)
  const position = usePickerPosition(ref, picker, container)
  const options = useMemo(
    () => picker.groups.flatMap((g) => g.candidates.map((c) => ({ group: g, candidate: c }))),
    [picker.groups],
  )
  const onKeyDown = usePickerKeys({ options, active, setActive, onPick, onClose })

  // Focus once placed: a hidden (unplaced) element cannot take focus.
  const placed = position !== null
  useEffect(() => {
    if (!placed) return
    const target = listRef.current ?? ref.current?.querySelector('button')
    target?.focus({ preventScroll: true })
  }, [picker, placed])

  useCloseOnOutsidePress(ref, onClose)

  useActiveInView(listRef, active, placed)

  const retarget = picker.retarget !== null
  return (
    <div
      ref={ref}
      className="link-picker"
      style={position ? { top: position.top, left: position.left } : { visibility: 'hidden' }}
      onMouseDown={(e) => e.preventDefault()}
      onKeyDown={onKeyDown}
    >
      <div className="link-picker-head" id={`${baseId}-title`}>
        {retarget ? 'Change the other end' : 'Link to…'}
        <span className="muted small">
          <kbd>↑</kbd>
          <kbd>↓</kbd>
          {picker.groups.length > 1 && (
            <>
              {' '}
              <kbd>←</kbd>
              <kbd>→</kbd> groups
            </>
          )}{' '}
          · type to find · <kbd>Enter</kbd> · <kbd>Esc</kbd>
        </span>
      </div>
      {options.length === 0 ? (
        <p className="link-picker-empty" role="status">
          Nothing in this document can be linked here. Tag a span of a layer the schema links to
          first.
          <button type="button" className="link-button" onClick={() => onClose()}>
            Close
          </button>
        </p>
      ) : (
        <CandidateList
          listRef={listRef}
          baseId={baseId}
          groups={picker.groups}
          schema={schema}
          retarget={retarget}
          active={active}
          onActive={setActive}
          onPick={onPick}
        />
      )}
    </div>
  )
}

/**
 * Keeps the active option in view by scrolling the list only: scrollIntoView would scroll the
 * article too (and, before the picker is placed, to wherever it sits unplaced).
 */
function useActiveInView(
  listRef: RefObject<HTMLUListElement | null>,
  active: number,
  placed: boolean,
) {
  useEffect(() => {
    const list = listRef.current
    const el = list?.querySelector<HTMLElement>(`[data-index="${active}"]`)
    if (!list || !el || !placed) return
    const top = el.offsetTop - list.offsetTop
    if (top < list.scrollTop) list.scrollTop = top
    else if (top + el.offsetHeight > list.scrollTop + list.clientHeight)
      list.scrollTop = top + el.offsetHeight - list.clientHeight
  }, [listRef, active, placed])
}

/**
 * Where the picker goes in its container's content: next to the span's first line (below it, or
 * above when there is no room), wholly inside the container's visible area.
 */
function usePickerPosition(
  ref: RefObject<HTMLDivElement | null>,
  picker: PickerState,
  container: HTMLElement | null,
) {
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null)
  useLayoutEffect(() => {
    const el = ref.current
    if (!el || !container) return
    const box = container.getBoundingClientRect()
    const anchor = picker.anchor ?? { top: box.top + 40, left: box.left + 40, width: 0, height: 0 }
    const visible = placeBeside(
      { ...anchor, top: anchor.top - box.top, left: anchor.left - box.left },
      { width: el.offsetWidth, height: el.offsetHeight },
      { width: container.clientWidth, height: container.clientHeight },
    )
    setPosition({
      top: visible.top + container.scrollTop,
      left: visible.left + container.scrollLeft,
    })
  }, [ref, picker, container])
  return position
}

/** A press outside the picker and the article closes it (the article's clicks pick targets). */
function useCloseOnOutsidePress(
  ref: RefObject<HTMLDivElement | null>,
  onClose: (refocus?: boolean) => void,
) {
  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      const t = e.target as Element | null
      if (!ref.current?.contains(t) && !t?.closest?.('.mg-article')) onClose(false)
    }
    document.addEventListener('pointerdown', onDown, true)
    return () => document.removeEventListener('pointerdown', onDown, true)
  }, [ref, onClose])
}

interface PickerKeys {
  options: Option[]
  active: number
  setActive: (index: number) => void
  onPick: LinkPickerProps['onPick']
  onClose: LinkPickerProps['onClose']
}

/** The picker's key handler (see link-picker-keys.ts), with the type-ahead's typed text. */
function usePickerKeys({ options, active, setActive, onPick, onClose }: PickerKeys) {
  const typed = useRef({ text: '', at: 0 })
  const keyOptions = useMemo<KeyOption[]>(() => {
    const groups: Option['group'][] = []
    return options.map((o) => {
      if (!groups.includes(o.group)) groups.push(o.group)
      return { group: groups.indexOf(o.group), text: o.candidate.span.quote.exact }
    })
  }, [options])
  return (e: KeyboardEvent<HTMLElement>) => {
    // Undo and redo stay the app's; every other key belongs to the picker while it is open.
    if (e.ctrlKey || e.metaKey || e.altKey) return
    e.stopPropagation()
    const fresh = e.timeStamp - typed.current.at < TYPE_AHEAD_MS ? typed.current.text : ''
    const move = pickerMove(keyOptions, { key: e.key, typed: fresh, active })
    if (move.kind === 'none') return
    if (move.kind === 'close') {
      onClose()
      if (e.key === 'Tab') return
    } else if (move.kind === 'pick') {
      const o = options[active]
      if (o) onPick(o.group.type.id, o.group.direction, o.candidate.span.id)
    } else {
      typed.current = { text: move.typed, at: e.timeStamp }
      setActive(move.active)
    }
    e.preventDefault()
  }
}

interface CandidateListProps {
  listRef: RefObject<HTMLUListElement | null>
  baseId: string
  groups: CandidateGroup[]
  schema: AnnotationSchema
  retarget: boolean
  active: number
  onActive: (index: number) => void
  onPick: LinkPickerProps['onPick']
}

/** The listbox of candidates, grouped, each with a snippet of its context. */
function CandidateList({ listRef, ...props }: CandidateListProps) {
  const { baseId, schema, active } = props
  let index = 0
  return (
    <ul
      ref={listRef}
      className="link-picker-list"
      role="listbox"
      tabIndex={0}
      aria-labelledby={`${baseId}-title`}
      aria-activedescendant={`${baseId}-${active}`}
    >
      {props.groups.map((group) => (
        <li key={`${group.type.id}:${group.direction}`} role="presentation">
          <div className="link-picker-group" id={`${baseId}-g-${group.type.id}-${group.direction}`}>
            {groupTitle(schema, group, props.retarget)}
          </div>
          <ul
            role="group"
            aria-labelledby={`${baseId}-g-${group.type.id}-${group.direction}`}
            className="link-picker-options"
          >
            {group.candidates.map((c) => {
              const i = index++
              const layer = schema.layers.find((l) => l.id === c.span.layer)
              const s = snippetOf(c.span, 28, 60)
              return (
                <li
                  key={c.span.id}
                  id={`${baseId}-${i}`}
                  data-index={i}
                  role="option"
                  aria-selected={i === active}
                  aria-label={`${layer?.name ?? c.span.layer}: ${clip(c.span.quote.exact, 80)}`}
                  className="link-option"
                  style={{ ['--layer-color' as string]: layer?.color ?? '#808080' }}
                  onMouseMove={() => i !== active && props.onActive(i)}
                  onClick={() => props.onPick(group.type.id, group.direction, c.span.id)}
                >
                  <span className="link-option-text">{s.text}</span>
                  <span className="link-option-snippet" aria-hidden="true">
                    {s.before}
                    <mark>{s.text}</mark>
                    {s.after}
                  </span>
                </li>
              )
            })}
          </ul>
        </li>
      ))}
    </ul>
  )
}
