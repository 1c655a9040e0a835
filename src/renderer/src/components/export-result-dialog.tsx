// What an export wrote (from its manifest): where, how many documents, spans and relations, what
// the format could not carry, and any document that could not be exported.
import type { ExportResult } from '../../../shared/ipc-contract'
import { Modal } from './modal'

interface ExportResultDialogProps {
  result: ExportResult
  onClose: () => void
}

/** Shows the manifest summary of a finished export. */
export function ExportResultDialog({ result, onClose }: ExportResultDialogProps) {
  const { manifest, path } = result
  const { counts, losses, problems } = manifest
  return (
    <Modal title="Export finished" onClose={onClose}>
      <p>
        Wrote <code className="path">{path}</code>
      </p>
      <dl className="counts">
        <div>
          <dt>Format</dt>
          <dd>
            {manifest.format} {manifest.formatVersion}, offsets in{' '}
            {manifest.offsetUnit === 'utf16' ? 'UTF-16 units' : 'code points'}
          </dd>
        </div>
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
      </dl>
      {losses.length > 0 && (
        <section aria-label="Not exported">
          <h3>Not carried by this format</h3>
          <ul className="report-list">
            {losses.map((l) => (
              <li key={l.what}>
                {l.count} × {l.what}: <span className="muted">{l.reason}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {problems.length > 0 && (
        <section aria-label="Problems" role="alert">
          <h3>Problems</h3>
          <ul className="report-list error-list">
            {problems.map((p, i) => (
              <li key={`${p.file}-${i}`}>
                <strong>{p.file}</strong>: {p.message}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Modal>
  )
}
