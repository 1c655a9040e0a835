// The registry dialog's editing state: the entity shown in the form (a draft), the message under
// it, and a delete or merge waiting for the user's word with main's count of what it would change.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Entity } from '../../../shared/model'
import { messageOf } from '../common/error-message'
import { plural } from '../common/plural'
import { parseAliases } from './entity-names'
import type { RemovalImpact } from './use-entities'

/** A delete or merge waiting for the user's word, with main's count of what it would change. */
export interface Pending {
  action: 'delete' | 'merge'
  /** The entity to merge into ('' until one is chosen). */
  target: string
  impact: RemovalImpact | 'counting' | { error: string }
}

/** The form's fields, as typed. */
export interface Draft {
  id: string
  isNew: boolean
  name: string
  kind: string
  aliases: string
  note: string
}

export interface EditorMessage {
  kind: 'error' | 'ok'
  text: string
}

interface EntityEditorOptions {
  entities: readonly Entity[]
  onSave: (entity: Entity) => Promise<string | null>
  onImpact: (id: string, replaceWith?: string) => Promise<RemovalImpact>
  onRemove: (id: string, replaceWith?: string) => Promise<string | null>
}

export function draftOf(e: Entity): Draft {
  return {
    id: e.id,
    isNew: false,
    name: e.name,
    kind: e.kind,
    aliases: e.aliases.join(', '),
    note: e.note,
  }
}

/** The draft, message and pending removal, and the actions on them. */
export function useEntityEditor(props: EntityEditorOptions) {
  const { entities } = props
  const [draft, setDraft] = useState<Draft | null>(() =>
    entities[0] ? draftOf(entities[0]) : null,
  )
  const [message, setMessage] = useState<EditorMessage | null>(null)
  const [pending, setPending] = useState<Pending | null>(null)
  const showNext = useShowOnArrival(entities, setDraft)

  const save = async () => {
    if (!draft) return
    const entity = entityOf(draft)
    if (!entity) return setMessage({ kind: 'error', text: 'An entity needs a name.' })
    const error = await props.onSave(entity)
    if (error) setMessage({ kind: 'error', text: `Not saved: ${error}` })
    else {
      setDraft(draftOf(entity))
      setMessage({ kind: 'ok', text: `Saved “${entity.name}”.` })
    }
  }

  /** Asks main what deleting, or merging into `target`, would change, and shows it. */
  const prepare = async (action: Pending['action'], target = '') => {
    if (!draft) return
    const entityId = draft.id
    setMessage(null)
    if (action === 'merge' && !target) return setPending({ action, target, impact: 'counting' })
    setPending({ action, target, impact: 'counting' })
    let impact: Pending['impact']
    try {
      impact = await props.onImpact(entityId, target || undefined)
    } catch (error) {
      impact = { error: messageOf(error) }
    }
    // Only if the user has not moved on meanwhile.
    setPending((p) => (p && p.action === action && p.target === target ? { ...p, impact } : p))
  }

  const confirm = async () => {
    if (!draft || !pending) return
    const { action, target } = pending
    const into = entities.find((e) => e.id === target)
    setPending(null)
    const error = await props.onRemove(draft.id, action === 'merge' ? target : undefined)
    if (error) {
      return setMessage({
        kind: 'error',
        text: `${action === 'merge' ? 'Not merged' : 'Not deleted'}: ${error}`,
      })
    }
    if (action === 'merge') showNext(target)
    setMessage({ kind: 'ok', text: removedText(pending, draft.name, into?.name ?? target) })
    setDraft(null)
  }

  /** Shows `next` in the form (or nothing), dropping the message and any pending removal. */
  const show = (next: Draft | null) => {
    setDraft(next)
    setMessage(null)
    setPending(null)
  }
  const edit = (patch: Partial<Draft>) => draft && setDraft({ ...draft, ...patch })

  return {
    draft,
    message,
    pending,
    show,
    edit,
    save,
    prepare,
    confirm,
    discard: () => setDraft(null),
    cancelRemoval: () => setPending(null),
  }
}

/**
 * After a merge, the entity merged into is shown once the new registry arrives: set the returned
 * ref to its id.
 */
function useShowOnArrival(entities: readonly Entity[], setDraft: (draft: Draft) => void) {
  const showNext = useRef<string | null>(null)
  useEffect(() => {
    const next = showNext.current && entities.find((e) => e.id === showNext.current)
    if (next) {
      showNext.current = null
      setDraft(draftOf(next))
    }
  }, [entities, setDraft])
  return useCallback((id: string) => {
    showNext.current = id
  }, [])
}

/** The entity a draft describes, or null when it has no name. */
function entityOf(draft: Draft): Entity | null {
  const name = draft.name.replace(/\s+/g, ' ').trim()
  if (!name) return null
  return {
    id: draft.id,
    name,
    kind: draft.kind.trim(),
    aliases: parseAliases(draft.aliases),
    note: draft.note,
  }
}

/** What a done delete or merge says, with the spans it changed when main counted them. */
function removedText({ action, impact }: Pending, name: string, intoName: string): string {
  const where = typeof impact === 'object' && 'spans' in impact ? spansIn(impact) : null
  if (action === 'merge')
    return `Merged “${name}” into “${intoName}”${where ? `: ${where} now point to it` : ''}.`
  return `Deleted “${name}”${where ? `: ${where} unlinked` : ''}.`
}

/** "3 spans in 2 documents". */
export function spansIn(impact: RemovalImpact): string {
  const spans = plural(impact.spans, 'span')
  return `${spans} in ${plural(impact.documents, 'document')}`
}
