// Document labels (the schema's label sets, e.g. Overall sentiment): a select for a single-choice
// set, checkboxes for a multiple-choice one.
import type { DocLabels, LabelSet } from '../../../shared/model'
import { chooseDocLabel } from './doc-labels'
import { LabelSetField } from './label-set-field'

interface DocLabelsEditorProps {
  sets: LabelSet[]
  labels: DocLabels
  onChange: (labels: DocLabels) => void
}

/** The document-level labels section of the panel. */
export function DocLabelsEditor({ sets, labels, onChange }: DocLabelsEditorProps) {
  if (sets.length === 0) return null
  return (
    <section className="doc-labels" aria-labelledby="doc-labels-title">
      <h2 id="doc-labels-title" className="pane-subtitle">
        Document
      </h2>
      {sets.map((set) => (
        <LabelSetField
          key={set.id}
          set={set}
          chosen={labels[set.id] ?? []}
          onChoose={(value, checked) => onChange(chooseDocLabel(labels, set, value, checked))}
        />
      ))}
    </section>
  )
}
