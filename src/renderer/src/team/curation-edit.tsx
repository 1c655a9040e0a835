// The curator's edit of one analyst's version of a disagreement, before it enters the gold set:
// its boundaries (typed, or moved a word at a time, with the text they now cover in context), label, attributes, and its links (the target of
// each link type the layer may start, with the link's attributes). The form starts from the
// analyst's span as stored; Accept sends it to main as an `edit` decision.
import { useId, useState, type SyntheticEvent } from 'react'
import type { Disagreement } from '../../../shared/agreement'
import type {
  AnnotationSchema,
  Annotations,
  AttributeValue,
  Attributes,
  Span,
} from '../../../shared/model'
import type { CurationState, EditedSpan } from '../../../shared/team'
import { quoteOf } from '../../../shared/anchor'
import { snippetOf } from '../article/link-text'
import { wordEdge } from '../editor/snap'
import { AttributeField } from '../panel/attribute-field'

/** A link of the edited span: its type, target (a place key, '' for none) and attributes. */
interface LinkDraft {
  type: string
  target: string
  attributes: Attributes
}

/** The form's state. */
export interface EditDraft {
  layer: string
  label: string
  start: number
  end: number
  attributes: Attributes
  links: LinkDraft[]
}

const placeKey = (s: Pick<Span, 'layer' | 'start' | 'end'>) => `${s.layer}|${s.start}|${s.end}`

/** The analyst's span a version of `d` starts from (the first of its spans), if any. */
function versionSpan(state: CurationState, d: Disagreement, analyst: string): Span | null {
  const id = d.versions.find((v) => v.analyst === analyst)?.spans[0]?.id
  return state.sets[analyst]?.spans.find((s) => s.id === id) ?? null
}

/** The draft an edit of `analyst`'s version starts from, or null when it has no span there. */
export function editDraft(
  schema: AnnotationSchema,
  state: CurationState,
  d: Disagreement,
  analyst: string,
): EditDraft | null {
  const span = versionSpan(state, d, analyst)
  if (!span) return null
  const set = state.sets[analyst]
  const byId = new Map(set.spans.map((s) => [s.id, s]))
  const links = schema.relationTypes
    .filter((t) => t.from.includes(span.layer))
    .map((t) => {
      const r = set.relations.find((x) => x.type === t.id && x.from === span.id)
      const target = r && byId.get(r.to)
      return {
        type: t.id,
        target: target ? placeKey(target) : '',
        attributes: { ...(r?.attributes ?? {}) },
      }
    })
  const { layer, label, start, end } = span
  return { layer, label, start, end, attributes: { ...span.attributes }, links }
}

/** The spans a link of `type` may go to: gold's and the analysts', one per place. */
function linkTargets(
  schema: AnnotationSchema,
  state: CurationState,
  type: string,
): { key: string; text: string }[] {
  const allowed = schema.relationTypes.find((t) => t.id === type)?.to ?? []
  const sets: Annotations[] = [...(state.gold ? [state.gold] : []), ...Object.values(state.sets)]
  const out = new Map<string, string>()
  for (const s of sets.flatMap((a) => a.spans)) {
    if (allowed.includes(s.layer) && !out.has(placeKey(s))) out.set(placeKey(s), s.quote.exact)
  }
  return [...out].map(([key, text]) => ({ key, text })).sort((a, b) => cmp(a.key, b.key))
}

function cmp(a: string, b: string): number {
  const [, as, ae] = a.split('|').map(Number)
  const [, bs, be] = b.split('|').map(Number)
  return as - bs || ae - be
}

/** The decision an edit sends to main. */
export function editedSpan(draft: EditDraft): EditedSpan {
  return {
    layer: draft.layer,
    label: draft.label,
    start: draft.start,
    end: draft.end,
    attributes: draft.attributes,
    links: draft.links
      .filter((l) => l.target !== '')
      .map((l) => {
        const [layer, start, end] = l.target.split('|')
        return {
          type: l.type,
          direction: 'out' as const,
          other: { layer, start: Number(start), end: Number(end) },
          attributes: l.attributes,
        }
      }),
  }
}

interface EditFormProps {
  schema: AnnotationSchema
  state: CurationState
  analyst: string
  /** The analyst's name, for the form's label. */
  analystName: string
  initial: EditDraft
  onAccept: (span: EditedSpan) => void
  onCancel: () => void
}

/** `attributes` with `name` set to `value` (removed when undefined). */
function setAttr(attributes: Attributes, name: string, value: AttributeValue | undefined) {
  const next = { ...attributes }
  if (value === undefined) delete next[name]
  else next[name] = value
  return next
}

interface LinkFieldsProps {
  schema: AnnotationSchema
  state: CurationState
  link: LinkDraft
  onChange: (next: LinkDraft) => void
}

/** A link of the edited span: its target, and its attributes once it has one. */
function LinkFields({ schema, state, link, onChange }: LinkFieldsProps) {
  const id = useId()
  const type = schema.relationTypes.find((t) => t.id === link.type)
  return (
    <div className="curation-edit-row">
      <div className="field">
        <label htmlFor={id}>{type?.name ?? link.type}</label>
        <select
          id={id}
          className="input"
          value={link.target}
          onChange={(e) => onChange({ ...link, target: e.target.value })}
        >
          <option value="">(no link)</option>
          {linkTargets(schema, state, link.type).map((t) => (
            <option key={t.key} value={t.key}>
              {t.text}
            </option>
          ))}
        </select>
      </div>
      {link.target !== '' &&
        (type?.attributes ?? []).map((def) => (
          <AttributeField
            key={def.name}
            def={def}
            value={link.attributes[def.name]}
            onChange={(v) =>
              onChange({ ...link, attributes: setAttr(link.attributes, def.name, v) })
            }
          />
        ))}
    </div>
  )
}

/**
 * A boundary of the edited span: an offset into the text (UTF-16 code units, as stored), typed or
 * moved a word at a time by the two buttons beside it (disabled where no word is left that way).
 */
function BoundField(props: {
  id: string
  label: string
  max: number
  value: number
  onChange: (value: number) => void
  /** Where a step moves the boundary, per direction; null: it cannot move that way. */
  steps: Record<-1 | 1, number | null>
}) {
  // A step that cannot go further is marked disabled rather than made so: a disabled button
  // loses focus, and a keyboard user pressing Enter to the first or last word would be dropped.
  const step = (dir: -1 | 1, text: string, name: string) => {
    const to = props.steps[dir]
    return (
      <button
        type="button"
        className="button small"
        aria-label={`${props.label} one word ${name}`}
        title={`${props.label} one word ${name}`}
        aria-disabled={to === null}
        onClick={() => to !== null && props.onChange(to)}
      >
        {text}
      </button>
    )
  }
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <span className="bound-input">
        {step(-1, '‹', 'earlier')}
        <input
          id={props.id}
          className="input"
          type="number"
          min={0}
          max={props.max}
          value={props.value}
          onChange={(e) => props.onChange(Number(e.target.value))}
        />
        {step(1, '›', 'later')}
      </span>
    </div>
  )
}

/**
 * The edited span in its sentence, as the link picker shows a span: the words around it (the
 * quote's context, cut on word and grapheme boundaries) and the span marked, whole.
 */
function SpanInContext(props: { text: string; start: number; end: number; valid: boolean }) {
  if (!props.valid)
    return (
      <p className="curation-edit-text" aria-live="polite">
        Not a range of the text.
      </p>
    )
  const s = snippetOf({ quote: quoteOf(props.text, props.start, props.end) }, 28, Infinity)
  return (
    <p className="curation-edit-text" aria-live="polite">
      <span className="muted" aria-hidden="true">
        {s.before}
      </span>
      <mark>{s.text}</mark>
      <span className="muted" aria-hidden="true">
        {s.after}
      </span>
    </p>
  )
}

/** Where a word step takes each boundary, keeping the span at least one character long. */
function boundSteps(text: string, draft: EditDraft) {
  const inside = (to: number | null, ok: (to: number) => boolean) =>
    to !== null && ok(to) ? to : null
  return {
    start: {
      [-1]: wordEdge(text, draft.start, -1, 'start'),
      [1]: inside(wordEdge(text, draft.start, 1, 'start'), (to) => to < draft.end),
    } as Record<-1 | 1, number | null>,
    end: {
      [-1]: inside(wordEdge(text, draft.end, -1, 'end'), (to) => to > draft.start),
      [1]: wordEdge(text, draft.end, 1, 'end'),
    } as Record<-1 | 1, number | null>,
  }
}

/** The edit form of one version. */
export function CurationEditForm(props: EditFormProps) {
  const { schema, state } = props
  const id = useId()
  const [draft, setDraft] = useState(props.initial)
  const layer = schema.layers.find((l) => l.id === draft.layer)
  const valid = draft.start >= 0 && draft.start < draft.end && draft.end <= state.text.length
  const submit = (e: SyntheticEvent) => {
    e.preventDefault()
    if (valid) props.onAccept(editedSpan(draft))
  }
  const steps = valid ? boundSteps(state.text, draft) : null
  const bound = (which: 'start' | 'end', label: string) => (
    <BoundField
      id={`${id}-${which}`}
      label={label}
      max={state.text.length}
      value={draft[which]}
      onChange={(v) => setDraft({ ...draft, [which]: v })}
      steps={steps?.[which] ?? { [-1]: null, [1]: null }}
    />
  )
  return (
    <form
      className="curation-edit"
      aria-label={`Edit ${props.analystName}'s version`}
      onSubmit={submit}
    >
      <SpanInContext text={state.text} start={draft.start} end={draft.end} valid={valid} />
      <div className="curation-edit-row">
        {bound('start', 'Start')}
        {bound('end', 'End')}
        <div className="field">
          <label htmlFor={`${id}-label`}>Label</label>
          <select
            id={`${id}-label`}
            className="input"
            value={draft.label}
            onChange={(e) => setDraft({ ...draft, label: e.target.value })}
          >
            {(layer?.labels ?? [{ name: draft.label }]).map((l) => (
              <option key={l.name} value={l.name}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
        {(layer?.attributes ?? []).map((def) => (
          <AttributeField
            key={def.name}
            def={def}
            value={draft.attributes[def.name]}
            onChange={(v) =>
              setDraft({ ...draft, attributes: setAttr(draft.attributes, def.name, v) })
            }
          />
        ))}
      </div>
      {draft.links.map((link, i) => (
        <LinkFields
          key={link.type}
          schema={schema}
          state={state}
          link={link}
          onChange={(next) =>
            setDraft({ ...draft, links: draft.links.map((l, k) => (k === i ? next : l)) })
          }
        />
      ))}
      <div className="team-actions">
        <button type="submit" className="button primary" disabled={!valid}>
          Accept edited version
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
