// The top bar: which project and document are open, whether the work is saved, the snap-to-words
// setting, and the Import menu and Export action.
import type { ReactNode } from 'react'
import type { SaveState } from './autosave'
import type { ValueStore } from '../common/value-store'
import { ImportMenu } from '../datasets/import-menu'
import { SaveStatus } from './save-status'
import './top-bar.css'

interface TopBarProps {
  projectName: string | null
  documentTitle: string | null
  saveState: ValueStore<SaveState>
  /** The project is read-only (the save status says so). */
  readOnly: boolean
  onRetrySave: () => void
  snapToWords: boolean
  onSnapToWords: (on: boolean) => void
  onImport: () => void
  /** Opens the Paste article dialog. */
  onPasteArticle: () => void
  /** Opens the Import Annotations dialog. */
  onImportAnnotations: () => void
  /** The project's "Pre-annotate on import" setting (absent: no project open). */
  preAnnotate?: { on: boolean; set: (on: boolean) => void }
  /** Opens the Export dialog. */
  onExport: () => void
  busy: boolean
  /** The view switch (Article | Claims | Sources | …), shown while a project is open. */
  views?: ReactNode
  /** The analyst working: whose annotation set is edited. */
  analyst?: string
}

/** The application's top bar (a banner landmark). */
export function TopBar(props: TopBarProps) {
  const open = props.projectName !== null
  return (
    <header className="top-bar" role="banner">
      {/* The window's level-one heading, whatever the view (the article's title is one too). */}
      <h1 className="top-bar-title">
        <span className="app-name">Marginalia</span>
        {open && (
          <>
            <span className="sep" aria-hidden="true">
              /
            </span>
            <span className="project-name" title={props.projectName ?? ''}>
              {props.projectName}
            </span>
          </>
        )}
        {props.documentTitle && (
          <>
            <span className="sep" aria-hidden="true">
              /
            </span>
            <span className="document-title" title={props.documentTitle}>
              {props.documentTitle}
            </span>
          </>
        )}
      </h1>
      {open && props.views}
      {open && (
        <div className="top-bar-actions">
          {props.analyst && (
            <span className="analyst-name" title="Your analyst name: the set you annotate">
              {props.analyst}
            </span>
          )}
          {props.documentTitle !== null && (
            <SaveStatus
              store={props.saveState}
              readOnly={props.readOnly}
              onRetry={props.onRetrySave}
            />
          )}
          <label className="toggle" title="Extend selections to whole words when tagging">
            <input
              type="checkbox"
              role="switch"
              checked={props.snapToWords}
              onChange={(e) => props.onSnapToWords(e.target.checked)}
            />
            Snap to words
          </label>
          <ImportMenu
            onImportDocuments={props.onImport}
            onPasteArticle={props.onPasteArticle}
            onImportAnnotations={props.onImportAnnotations}
            disabled={props.busy}
            preAnnotate={props.preAnnotate}
          />
          <button type="button" className="button" onClick={props.onExport} disabled={props.busy}>
            Export…
          </button>
        </div>
      )}
    </header>
  )
}
