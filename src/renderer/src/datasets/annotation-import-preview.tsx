// The Import Annotations preview's body: what main found in the chosen files — documents, spans, relations
// and document labels, labels the schema does not know (with the choice to add them to the schema
// or skip them), documents already in the project, and problems, each naming its file.
import { useId } from 'react'
import type {
  AnnotationImportPreview,
  ImportFormatInfo,
  UnknownLabelInfo,
} from '../../../shared/ipc-contract'
import { RadioGroup } from '../common/radio-group'

const KIND_TEXT: Record<UnknownLabelInfo['kind'], string> = {
  span: 'Span label',
  relation: 'Relation type',
  attribute: 'Attribute',
  docLabel: 'Document label',
}

/** Where an unknown label lives: the layer, relation type, owner or label set it belongs to. */
function ownerText(u: UnknownLabelInfo): string {
  if (u.kind === 'span') return `layer ${u.layer}`
  if (u.kind === 'relation') return `type id ${u.layer}`
  if (u.kind === 'attribute') return `of ${u.layer}${u.valueType ? ` (${u.valueType})` : ''}`
  return `set ${u.layer}`
}

interface ImportPreviewProps {
  preview: AnnotationImportPreview
  formats: ImportFormatInfo[]
  /** True while the import runs. */
  busy: boolean
  mode: 'add' | 'skip'
  onMode: (mode: 'add' | 'skip') => void
}

/** The preview's body: what would be imported. */
export function ImportPreview(props: ImportPreviewProps) {
  const { preview } = props
  return (
    <div className="import-preview">
      <p>
        {props.formats.find((f) => f.name === preview.format)?.label ?? preview.format} from{' '}
        <code className="path">{preview.sources.join(', ')}</code>
      </p>
      <FoundCounts counts={preview.counts} />
      {preview.unknownLabels.length > 0 && (
        <UnknownLabels labels={preview.unknownLabels} {...props} />
      )}
      {preview.duplicates.length > 0 && (
        <section aria-label="Already in the project">
          <h3>Already in the project ({preview.duplicates.length}, will be skipped)</h3>
          <ul className="report-list">
            {preview.duplicates.map((d, i) => (
              <li key={`${d.existingId}-${i}`}>
                {d.title} <span className="muted">is the same text as “{d.existingTitle}”</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {preview.problems.length > 0 && (
        <section aria-label="Problems">
          <h3>Problems ({preview.problems.length})</h3>
          <ul className="report-list error-list">
            {preview.problems.map((p, i) => (
              <li key={`${p.file}-${i}`}>
                <strong>{p.file}</strong>: {p.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      {preview.counts.documents === 0 && (
        <p className="muted">No documents were found to import.</p>
      )}
    </div>
  )
}

/** The four counts of what was found. */
function FoundCounts({ counts }: { counts: AnnotationImportPreview['counts'] }) {
  return (
    <dl className="counts" aria-label="Found">
      <div>
        <dt>Documents</dt>
        <dd>{counts.documents}</dd>
      </div>
      <div>
        <dt>Spans</dt>
        <dd>{counts.spans}</dd>
      </div>
      <div>
        <dt>Relations</dt>
        <dd>{counts.relations}</dd>
      </div>
      <div>
        <dt>Document labels</dt>
        <dd>{counts.docLabels}</dd>
      </div>
    </dl>
  )
}

/** The labels the schema does not know, and what should happen to them. */
function UnknownLabels(props: ImportPreviewProps & { labels: UnknownLabelInfo[] }) {
  const id = useId()
  const { labels } = props
  return (
    <section aria-label="Unknown labels">
      <h3>Not in the project schema ({labels.length})</h3>
      <div className="table-scroll">
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Label</th>
              <th scope="col">Where</th>
              <th scope="col" className="num">
                Uses
              </th>
            </tr>
          </thead>
          <tbody>
            {labels.map((u) => (
              <tr key={`${u.kind}/${u.layer}/${u.label}`}>
                <td>{KIND_TEXT[u.kind]}</td>
                <td>
                  <strong>{u.label}</strong>
                </td>
                <td className="muted">{ownerText(u)}</td>
                <td className="num">{u.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <RadioGroup
        className="label-choice"
        legend="What should happen to them?"
        name={`${id}-mode`}
        value={props.mode}
        onChange={props.onMode}
        disabled={props.busy}
        options={[
          { value: 'add', label: 'Add them to the schema' },
          {
            value: 'skip',
            label: 'Skip them (annotations that use them are not imported)',
          },
        ]}
      />
    </section>
  )
}
