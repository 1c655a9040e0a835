// The running document import, file by file: each file's name and what became of it (waiting,
// reading page 37 of 200, added with what the importer left out, already in the project, failed
// and why, cancelled), the files done of all, and Cancel. Escape cancels too. The report follows.
import { Modal } from '../common/modal'
import { ProgressBar } from '../common/progress-bar'
import { describeFile, runCounts, type ImportRunState } from './import-run'
import './datasets.css'

interface ImportProgressDialogProps {
  run: ImportRunState
  onCancel: () => void
}

/** Shown while a document import runs. */
export function ImportProgressDialog({ run, onCancel }: ImportProgressDialogProps) {
  const { ended, total } = runCounts(run)
  return (
    <Modal
      title="Importing documents"
      onClose={onCancel}
      actions={
        <button
          type="button"
          className="button"
          onClick={onCancel}
          disabled={run.cancelling}
          data-autofocus
        >
          {run.cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      }
    >
      {total === 0 ? (
        <p role="status">Reading the chosen files…</p>
      ) : (
        <ProgressBar task="Files imported" done={ended} total={total} />
      )}
      <ul className="import-files" aria-label="Files">
        {run.files.map((file, index) => (
          <li key={index} data-status={file.outcome?.status ?? 'pending'}>
            <span className="file-name" title={file.name}>
              {file.name}
            </span>
            <span className="file-status">{describeFile(run, index)}</span>
          </li>
        ))}
      </ul>
    </Modal>
  )
}
