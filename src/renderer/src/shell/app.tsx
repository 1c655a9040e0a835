// The app shell: the top bar, the open project's views (or the start screen), and what floats over
// them. The state and its wiring live in `useShellState`, main's events and the keyboard in
// `useShellEvents`; this component lays out what is on screen.
import { AnalystBanner } from '../team/analyst-banner'
import { AppDialogs } from './app-dialogs'
import { CodeFailures } from './code-failures'
import { DropOverlay } from './drop-overlay'
import { EmptyState } from './empty-state'
import { NoticeBanner } from './notice-banner'
import { ProjectViews } from './project-views'
import { SaveErrorBanner } from './save-status'
import { TopBar } from './top-bar'
import { useShellEvents } from './use-shell-events'
import { useShellState } from './use-shell-state'
import { ViewTabs } from './view-tabs'
import './shell.css'

/** The Marginalia renderer. */
export default function App() {
  const s = useShellState()
  useShellEvents(s)
  const { project, doc, snapshot, schema, nav, transfers, datasets } = s

  // The `void` actions below never reject: nav and transfers show a failure as a notice.
  return (
    <div className="app">
      <TopBar
        projectName={snapshot?.project.name ?? null}
        documentTitle={doc.file ? doc.file.document.title || 'Untitled' : null}
        saveState={doc.saveState}
        readOnly={!!snapshot?.readOnly}
        onRetrySave={doc.retry}
        snapToWords={s.settings.snapToWords}
        onSnapToWords={(on) => void nav.setSnapToWords(on)}
        onImport={() => void transfers.importWithDialog()}
        onPasteArticle={() => s.setPasting({})}
        onImportAnnotations={datasets.openImportAnnotations}
        preAnnotate={snapshot ? s.suggestions.preAnnotate : undefined}
        onExport={() => datasets.openExport()}
        busy={transfers.busy}
        views={<ViewTabs views={s.views} onChange={s.showView} />}
        analyst={snapshot ? s.settings.annotator : undefined}
      />
      {project.ready && !s.settings.annotatorConfirmed && (
        <AnalystBanner
          name={s.settings.annotator}
          onConfirm={(annotator) => void nav.confirmAnalyst(annotator)}
        />
      )}
      {snapshot?.readOnly && (
        <p className="read-only-banner" role="status">
          <strong>Read-only.</strong> This project cannot be changed: {snapshot.readOnly}. You can
          read, browse and export it; tagging, linking and editing are off.
        </p>
      )}
      <SaveErrorBanner store={doc.saveState} onRetry={doc.retry} />
      {s.notice && <NoticeBanner message={s.notice} onDismiss={() => s.setNotice(null)} />}
      <CodeFailures />
      {!project.ready ? (
        <main className="article-message muted" role="status">
          Opening…
        </main>
      ) : snapshot && schema ? (
        <ProjectViews s={s} snapshot={snapshot} schema={schema} />
      ) : (
        <EmptyState
          error={project.initError}
          recent={project.recent}
          onNew={() => s.setAskingName(true)}
          onOpen={() => void nav.openProject()}
          onOpenRecent={(path) => void nav.openRecent(path)}
        />
      )}
      {s.dragging && <DropOverlay />}
      <AppDialogs s={s} />
    </div>
  )
}
