// Import Annotations: choose a format (names from main's importer registry), let main's file
// dialog pick the files (or a folder, for brat), then read the preview main computed — documents,
// spans and relations found, labels the schema does not know (with the choice to add them to the
// schema or skip them), documents already in the project, and problems, each naming its file —
// and only then import. Main keeps the parsed data; the renderer holds just its token.
import { useId, useRef, useState } from 'react'
import type {
  AnnotationImportFormat,
  AnnotationImportPreview,
  AnnotationImportReport,
  Api,
  ImportFormatInfo,
  ProjectSnapshot,
  UnknownLabelInfo,
} from '../../../shared/ipc-contract'
import { messageOf } from '../common/error-message'
import { FormatField } from './format-field'
import { RadioGroup } from '../common/radio-group'
import { DuplicatesSection, ErrorsSection } from './import-report-dialog'
import { plural } from '../common/plural'
import { Modal } from '../common/modal'
import './datasets.css'

interface AnnotationImportDialogProps {
  api: Api
  formats: ImportFormatInfo[]
  onSnapshot: (snapshot: ProjectSnapshot) => void
  onOpenDocument: (docId: string) => void
  onClose: () => void
}

type Phase =
  | { kind: 'choose'; error?: string }
  | { kind: 'reading' }
  | { kind: 'preview'; preview: AnnotationImportPreview; error?: string }
  | { kind: 'importing'; preview: AnnotationImportPreview }
  | { kind: 'done'; report: AnnotationImportReport }

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

/** The Import Annotations dialog (a modal), from format choice to the import's report. */
export function AnnotationImportDialog(props: AnnotationImportDialogProps) {
  const { api, formats } = props
  const id = useId()
  const [format, setFormat] = useState<AnnotationImportFormat>(formats[0]?.name ?? 'jsonl')
  const [source, setSource] = useState<'files' | 'folder'>('folder')
  const [mode, setMode] = useState<'add' | 'skip'>('add')
  const [phase, setPhase] = useState<Phase>({ kind: 'choose' })
  const info = formats.find((f) => f.name === format)
  const token = useRef<string | null>(null)

  const discard = () => {
    if (token.current) void api['annotations:import-discard']({ token: token.current })
    token.current = null
  }
  const close = () => {
    discard()
    props.onClose()
  }

  const choose = async () => {
    setPhase({ kind: 'reading' })
    try {
      const preview = await api['annotations:import-preview']({
        format,
        source: info?.folder ? source : 'files',
      })
      token.current = preview?.token ?? null
      setPhase(preview ? { kind: 'preview', preview } : { kind: 'choose' })
    } catch (error) {
      setPhase({ kind: 'choose', error: `Could not read the files: ${messageOf(error)}` })
    }
  }

  const commit = async (preview: AnnotationImportPreview) => {
    setPhase({ kind: 'importing', preview })
    try {
      const report = await api['annotations:import-commit']({
        token: preview.token,
        unknownLabels: mode,
      })
      token.current = null
      props.onSnapshot(report.snapshot)
      setPhase({ kind: 'done', report })
    } catch (error) {
      token.current = null
      setPhase({ kind: 'choose', error: `Import failed: ${messageOf(error)}` })
    }
  }

  if (phase.kind === 'done') return <ImportDone {...props} report={phase.report} />

  if (phase.kind === 'preview' || phase.kind === 'importing') {
    const { preview } = phase
    const busy = phase.kind === 'importing'
    const nothing = preview.counts.documents === 0
    return (
      <Modal
        title="Import preview"
        onClose={() => !busy && close()}
        actions={
          <>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => {
                discard()
                setPhase({ kind: 'choose' })
              }}
            >
              Back
            </button>
            <button type="button" className="button" disabled={busy} onClick={close}>
              Cancel
            </button>
            <button
              type="button"
              className="button primary"
              disabled={busy || nothing}
              onClick={() => void commit(preview)}
              autoFocus
            >
              {busy ? 'Importing…' : 'Import'}
            </button>
          </>
        }
      >
        <div className="import-preview">
          <p>
            {formats.find((f) => f.name === preview.format)?.label ?? preview.format} from{' '}
            <code className="path">{preview.sources.join(', ')}</code>
          </p>
          <dl className="counts" aria-label="Found">
            <div>
              <dt>Documents</dt>
              <dd>{preview.counts.documents}</dd>
            </div>
            <div>
              <dt>Spans</dt>
              <dd>{preview.counts.spans}</dd>
            </div>
            <div>
              <dt>Relations</dt>
              <dd>{preview.counts.relations}</dd>
            </div>
            <div>
              <dt>Document labels</dt>
              <dd>{preview.counts.docLabels}</dd>
            </div>
          </dl>
          {preview.unknownLabels.length > 0 && (
            <section aria-label="Unknown labels">
              <h3>Not in the project schema ({preview.unknownLabels.length})</h3>
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
                    {preview.unknownLabels.map((u) => (
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
                value={mode}
                onChange={setMode}
                disabled={busy}
                options={[
                  { value: 'add', label: 'Add them to the schema' },
                  {
                    value: 'skip',
                    label: 'Skip them (annotations that use them are not imported)',
                  },
                ]}
              />
            </section>
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
          {nothing && <p className="muted">No documents were found to import.</p>}
        </div>
      </Modal>
    )
  }

  const reading = phase.kind === 'reading'
  const folder = info?.folder && source === 'folder'
  return (
    <Modal
      title="Import annotations"
      onClose={() => !reading && close()}
      actions={
        <>
          <button type="button" className="button" onClick={close} disabled={reading}>
            Cancel
          </button>
          <button
            type="submit"
            form={`${id}-form`}
            className="button primary"
            disabled={reading || !info}
          >
            {folder ? 'Choose folder…' : 'Choose files…'}
          </button>
        </>
      }
    >
      <form
        id={`${id}-form`}
        className="dataset-form"
        onSubmit={(e) => {
          e.preventDefault()
          void choose()
        }}
      >
        <FormatField
          id={id}
          formats={formats}
          value={format}
          disabled={reading}
          onChange={setFormat}
          hint={
            info && (
              <>
                Reads {info.extensions.join(', ')} files, or a .zip of them. Documents come in with
                their spans and relations; you will see what was found before anything is imported.
              </>
            )
          }
        />
        {info?.folder && (
          <RadioGroup
            legend="Source"
            name={`${id}-source`}
            value={source}
            onChange={setSource}
            disabled={reading}
            options={[
              { value: 'folder', label: 'A folder of .txt and .ann files' },
              { value: 'files', label: 'Files or a .zip' },
            ]}
          />
        )}
      </form>
      {reading && (
        <p className="muted" role="status">
          Reading…
        </p>
      )}
      {phase.kind === 'choose' && phase.error && (
        <p className="field-error" role="alert">
          {phase.error}
        </p>
      )}
    </Modal>
  )
}

/** The report of a finished import, with a way to open each added document. */
function ImportDone({
  report,
  onOpenDocument,
  onClose,
}: AnnotationImportDialogProps & { report: AnnotationImportReport }) {
  const { added, duplicates, errors, unknownLabels } = report
  const labelCount = unknownLabels.labels.length
  return (
    <Modal title="Annotations imported" onClose={onClose}>
      <p>
        {plural(added.length, 'document')} added
        {duplicates.length > 0 && `, ${plural(duplicates.length, 'duplicate')} skipped`}
        {errors.length > 0 && `, ${plural(errors.length, 'document')} could not be imported`}.
        {labelCount > 0 &&
          (unknownLabels.mode === 'add'
            ? ` ${plural(labelCount, 'label')} added to the schema.`
            : ` ${plural(labelCount, 'unknown label')} skipped.`)}
      </p>
      {added.length > 0 && (
        <section aria-label="Added">
          <h3>Added</h3>
          <ul className="report-list">
            {added.map((a) => (
              <li key={a.id}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    onOpenDocument(a.id)
                    onClose()
                  }}
                >
                  {a.title || 'Untitled'}
                </button>{' '}
                <span className="muted">
                  {plural(a.spans, 'span')}, {plural(a.relations, 'relation')} — from {a.file}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <DuplicatesSection duplicates={duplicates} />
      <ErrorsSection errors={errors} />
    </Modal>
  )
}
