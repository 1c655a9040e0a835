// A combobox to find any entity of the registry by name or alias (the WAI-ARIA combobox pattern:
// the input keeps focus, arrow keys move through the list, Enter chooses, Escape clears).
import { useId, useMemo, useState, type KeyboardEvent } from 'react'
import type { Entity } from '../../../shared/model'
import { searchEntities } from './entity-names'

interface EntitySearchProps {
  entities: readonly Entity[]
  disabled?: boolean
  onChoose: (entity: Entity) => void
}

/** The search combobox. */
export function EntitySearch({ entities, disabled, onChoose }: EntitySearchProps) {
  const id = useId()
  const [query, setQuery] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const found = useMemo(() => searchEntities(entities, query), [entities, query])
  const shown = open && found.length > 0

  const choose = (entity: Entity) => {
    setQuery('')
    setOpen(false)
    onChoose(entity)
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      setOpen(true)
      const n = found.length
      if (n) setActive((i) => (e.key === 'ArrowDown' ? (i + 1) % n : (i - 1 + n) % n))
      e.preventDefault()
    } else if (e.key === 'Enter' && shown && found[active]) {
      choose(found[active])
      e.preventDefault()
    } else if (e.key === 'Escape' && (open || query)) {
      setOpen(false)
      setQuery('')
      e.preventDefault()
      e.stopPropagation()
    }
  }

  return (
    <div className="field entity-search">
      <label htmlFor={`${id}-input`}>Find an entity</label>
      <input
        id={`${id}-input`}
        className="input"
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={`${id}-list`}
        aria-activedescendant={shown ? `${id}-${active}` : undefined}
        placeholder={
          entities.length ? `Search ${entities.length} entities` : 'The registry is empty'
        }
        value={query}
        disabled={disabled || entities.length === 0}
        onChange={(e) => {
          setQuery(e.target.value)
          setActive(0)
          setOpen(true)
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul id={`${id}-list`} role="listbox" className="entity-options" hidden={!shown}>
        {found.map((e, i) => (
          <li
            key={e.id}
            id={`${id}-${i}`}
            role="option"
            aria-selected={i === active}
            className="entity-option"
            onMouseDown={(ev) => ev.preventDefault()}
            onClick={() => choose(e)}
          >
            {e.name}
            {e.kind && <span className="muted"> · {e.kind}</span>}
          </li>
        ))}
      </ul>
    </div>
  )
}
