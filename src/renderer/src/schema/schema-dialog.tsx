// The Schema dialog: restyle the project's layers (name, colour, underline, shortcut), add labels,
// enum values, layers and label-set values, and set the analyst's annotator name. Edits are kept
// in a draft and sent to main in one `project:set-schema` call, which validates them again; only
// additive and cosmetic edits are offered (see schema-edit.ts) so saved spans stay valid.
import { useState } from 'react'
import type { Api, ProjectSnapshot, Settings } from '../../../shared/ipc-contract'
import type { AnnotationSchema, Layer } from '../../../shared/model'
import { messageOf } from '../common/error-message'
import {
  addEnumValue,
  addLabel,
  addLabelSetValue,
  addLayer,
  removedFromSchema,
  UNDERLINES,
  updateLayer,
  type LayerPatch,
  type SchemaEdit,
} from './schema-edit'
import { Modal } from '../common/modal'
import './schema-dialog.css'

interface SchemaDialogProps {
  api: Api
  schema: AnnotationSchema
  annotator: string
  onSaved: (snapshot: ProjectSnapshot) => void
  onSettings: (settings: Settings) => void
  onClose: () => void
}

/** The draft schema and annotator name, the reason an edit was refused, and saving both. */
function useSchemaDraft(props: SchemaDialogProps) {
  const [draft, setDraft] = useState(props.schema)
  const [annotator, setAnnotator] = useState(props.annotator)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  /** Applies an edit to the draft; a refused edit shows its reason and returns false. */
  const apply = (edit: SchemaEdit): boolean => {
    if (!edit.ok) {
      setError(edit.error)
      return false
    }
    setDraft(edit.schema)
    setError(null)
    return true
  }

  const save = async () => {
    const removed = removedFromSchema(props.schema, draft)
    if (removed.length > 0) {
      setError(`Saved annotations may use ${removed.join(', ')}; it cannot be removed.`)
      return
    }
    setSaving(true)
    try {
      if (draft !== props.schema)
        props.onSaved(await props.api['project:set-schema']({ schema: draft }))
      const name = annotator.trim()
      if (name !== props.annotator)
        props.onSettings(await props.api['settings:set']({ annotator: name }))
      props.onClose()
    } catch (e) {
      setError(`Could not save the schema: ${messageOf(e)}`)
    } finally {
      setSaving(false)
    }
  }

  return { draft, annotator, setAnnotator, error, saving, apply, save }
}

/** Edits the project's schema and the annotator name; Save sends both to main. */
export function SchemaDialog(props: SchemaDialogProps) {
  const { draft, annotator, setAnnotator, error, saving, apply, save } = useSchemaDraft(props)
  // save() never rejects: a failure is shown in the dialog.
  return (
    <Modal
      title="Schema"
      onClose={props.onClose}
      actions={
        <>
          {error && (
            <p className="field-error schema-error" role="alert">
              {error}
            </p>
          )}
          <button type="button" className="button" onClick={props.onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button primary"
            disabled={saving}
            onClick={() => void save()}
          >
            Save
          </button>
        </>
      }
    >
      <div className="schema-editor">
        <div className="field">
          <label htmlFor="schema-annotator">Annotator name</label>
          <input
            id="schema-annotator"
            className="input"
            value={annotator}
            maxLength={200}
            placeholder="Written on the spans you make"
            onChange={(e) => setAnnotator(e.target.value)}
          />
        </div>
        <h3>Layers</h3>
        {draft.layers.map((layer) => (
          <LayerEditor
            key={layer.id}
            layer={layer}
            onPatch={(patch) => apply(updateLayer(draft, layer.id, patch))}
            onAddLabel={(name) => apply(addLabel(draft, layer.id, name))}
            onAddValue={(attr, value) => apply(addEnumValue(draft, layer.id, attr, value))}
          />
        ))}
        <AddField
          label="New layer"
          button="Add layer"
          onAdd={(name) => apply(addLayer(draft, name))}
        />
        {draft.labelSets.length > 0 && <h3>Document labels</h3>}
        {draft.labelSets.map((set) => (
          <fieldset key={set.id} className="schema-layer">
            <legend>{set.name}</legend>
            <p className="schema-values">{set.values.join(' · ')}</p>
            <AddField
              label={`New value for ${set.name}`}
              button="Add value"
              onAdd={(v) => apply(addLabelSetValue(draft, set.id, v))}
            />
          </fieldset>
        ))}
      </div>
    </Modal>
  )
}

interface LayerEditorProps {
  layer: Layer
  onPatch: (patch: LayerPatch) => boolean
  onAddLabel: (name: string) => boolean
  onAddValue: (attribute: string, value: string) => boolean
}

/** One layer's fields: name, colour, underline, shortcut, labels and attributes. */
function LayerEditor({ layer, onPatch, onAddLabel, onAddValue }: LayerEditorProps) {
  const id = `schema-layer-${layer.id}`
  return (
    <fieldset className="schema-layer" aria-label={`Layer ${layer.id}`}>
      <legend>
        <span className="schema-swatch" style={{ background: layer.color }} aria-hidden />{' '}
        {layer.id}
      </legend>
      <div className="schema-row">
        <div className="field grow">
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            className="input"
            value={layer.name}
            onChange={(e) => onPatch({ name: e.target.value })}
          />
        </div>
        <div className="field compact">
          <label htmlFor={`${id}-color`}>Colour</label>
          <input
            id={`${id}-color`}
            type="color"
            value={layer.color}
            onChange={(e) => onPatch({ color: e.target.value })}
          />
        </div>
        <div className="field compact">
          <label htmlFor={`${id}-underline`}>Underline</label>
          <select
            id={`${id}-underline`}
            className="input"
            value={layer.underline}
            onChange={(e) => onPatch({ underline: e.target.value as Layer['underline'] })}
          >
            {UNDERLINES.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </select>
        </div>
        <div className="field compact">
          <label htmlFor={`${id}-shortcut`}>Shortcut</label>
          <input
            id={`${id}-shortcut`}
            className="input schema-shortcut"
            value={layer.shortcut ?? ''}
            maxLength={1}
            onChange={(e) => onPatch({ shortcut: e.target.value })}
          />
        </div>
      </div>
      <p className="schema-values">
        <span className="muted">Labels:</span> {layer.labels.map((l) => l.name).join(' · ')}
      </p>
      <AddField label={`New label for ${layer.name}`} button="Add label" onAdd={onAddLabel} />
      {layer.attributes.map((attr) => (
        <div key={attr.name} className="schema-attribute">
          <p className="schema-values">
            <span className="muted">
              {attr.name} ({attr.type}){attr.type === 'enum' ? ':' : ''}
            </span>{' '}
            {attr.type === 'enum' && attr.values.join(' · ')}
          </p>
          {attr.type === 'enum' && (
            <AddField
              label={`New value for ${layer.name} ${attr.name}`}
              button="Add value"
              onAdd={(v) => onAddValue(attr.name, v)}
            />
          )}
        </div>
      ))}
    </fieldset>
  )
}

/** A text box with an Add button; the box empties when the addition was accepted. */
function AddField(props: { label: string; button: string; onAdd: (value: string) => boolean }) {
  const [value, setValue] = useState('')
  const add = () => {
    if (props.onAdd(value)) setValue('')
  }
  return (
    <div className="schema-add">
      <input
        className="input"
        aria-label={props.label}
        placeholder={props.label}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            add()
          }
        }}
      />
      <button type="button" className="button small" onClick={add}>
        {props.button}
      </button>
    </div>
  )
}
