// The project's documents in the left pane: title and span count, an error badge on a document
// whose file could not be read, and the project's file problems below the list.
import type { DocumentSummary, FileProblem } from '../../../shared/ipc-contract'
import { DocumentListItem } from './document-list-item'
import { plural } from '../common/plural'
import './document-list.css'

interface DocumentListProps {
  documents: DocumentSummary[]
  problems: FileProblem[]
  currentId: string | null
  onOpen: (docId: string) => void
  onImport: () => void
}

/** The document navigation list. */
export function DocumentList({
  documents,
  problems,
  currentId,
  onOpen,
  onImport,
}: DocumentListProps) {
  return (
    <nav className="document-list" aria-label="Documents">
      <h2 className="pane-title">
        Documents <span className="count">{documents.length}</span>
      </h2>
      {documents.length === 0 ? (
        <div className="empty-hint">
          <p>No documents yet.</p>
          <button type="button" className="button" onClick={onImport}>
            Import documents…
          </button>
          <p className="hint">Or drop .txt, .html or .md files onto the window.</p>
        </div>
      ) : (
        <ul className="document-items">
          {documents.map((d) => (
            <DocumentListItem key={d.id} summary={d} current={d.id === currentId} onOpen={onOpen} />
          ))}
        </ul>
      )}
      {problems.length > 0 && (
        <section className="problems" aria-label="Files with problems">
          <h3>{plural(problems.length, 'file')} could not be read</h3>
          <ul>
            {problems.map((p, i) => (
              <li key={`${p.file}-${i}`}>
                <strong>{p.file}</strong>: {p.message}
              </li>
            ))}
          </ul>
        </section>
      )}
    </nav>
  )
}
