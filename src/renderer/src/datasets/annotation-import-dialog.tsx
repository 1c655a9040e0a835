// Import Annotations: choose a format (names from main's importer registry), let main's file
// dialog pick the files (or a folder, for brat), then read the preview main computed — documents,
// spans and relations found, labels the schema does not know (with the choice to add them to the
// schema or skip them), documents already in the project, and problems, each naming its file —
// and only then import. Main keeps the parsed data; the renderer holds just its token.
import { useId } from 'react'
import type {
  AnnotationImportReport,
  Api,
  ImportFormatInfo,
  ProjectSnapshot,
} from '../../../shared/ipc-contract'
import { FormatField } from './format-field'
import { RadioGroup } from '../common/radio-group'
import { DuplicatesSection, ErrorsSection } from './import-report-dialog'
import { ImportPreview } from './annotation-import-preview'
import { plural } from '../common/plural'
import { Modal } from '../common/modal'
import { useAnnotationImport } from './use-annotation-import'
import './datasets.css'

interface AnnotationImportDialogProps {
  api: Api
  formats: ImportFormatInfo[]
  onSnapshot: (snapshot: ProjectSnapshot) => void
  onOpenDocument: (docId: string) => void
  onClose: () => void
}

/** The Import Annotations dialog (a modal), from format choice to the import's report. */
export function AnnotationImportDialog(props: AnnotationImportDialogProps) {
  const flow = useAnnotationImport(props)
  const { phase } = flow
  const id = useId()
  if (phase.kind === 'done') return <ImportDone {...props} report={phase.report} />
  if (phase.kind === 'preview' || phase.kind === 'importing') {
    const { preview } = phase
    const busy = phase.kind === 'importing'
    // The flow's actions never reject: a failure returns to the form with its message.
    return (
      <Modal
        title="Import preview"
        onClose={() => !busy && flow.close()}
        actions={
          <>
            <button type="button" className="button" disabled={busy} onClick={flow.back}>
              Back
            </button>
            <button type="button" className="button" disabled={busy} onClick={flow.close}>
              Cancel
            </button>
            <button
              type="button"
              className="button primary"
              disabled={busy || preview.counts.documents === 0}
              onClick={() => void flow.commit(preview)}
              data-autofocus
            >
              {busy ? 'Importing…' : 'Import'}
            </button>
          </>
        }
      >
        <ImportPreview
          preview={preview}
          formats={props.formats}
          busy={busy}
          mode={flow.mode}
          onMode={flow.setMode}
        />
      </Modal>
    )
  }
  const reading = phase.kind === 'reading'
  return (
    <Modal
      title="Import annotations"
      onClose={() => !reading && flow.close()}
      actions={
        <>
          <button type="button" className="button" onClick={flow.close} disabled={reading}>
            Cancel
          </button>
          <button
            type="submit"
            form={`${id}-form`}
            className="button primary"
            disabled={reading || !flow.info}
          >
            {flow.info?.folder && flow.source === 'folder' ? 'Choose folder…' : 'Choose files…'}
          </button>
        </>
      }
    >
      <ChooseForm id={id} flow={flow} formats={props.formats} />
    </Modal>
  )
}

/** The first step: the format and, for brat, whether to read a folder or files. */
function ChooseForm(props: {
  id: string
  flow: ReturnType<typeof useAnnotationImport>
  formats: ImportFormatInfo[]
}) {
  const { id, flow, formats } = props
  const { info, phase } = flow
  const reading = phase.kind === 'reading'
  // choose() never rejects: a failure returns to the form with its message.
  return (
    <>
      <form
        id={`${id}-form`}
        className="dataset-form"
        onSubmit={(e) => {
          e.preventDefault()
          void flow.choose()
        }}
      >
        <FormatField
          id={id}
          formats={formats}
          value={flow.format}
          disabled={reading}
          onChange={flow.setFormat}
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
            value={flow.source}
            onChange={flow.setSource}
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
    </>
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
