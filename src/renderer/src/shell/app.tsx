// The app shell: wires the project, the open document, the editor, main's events and the keyboard
// together. Each concern lives in its own hook; this component routes main's events and menu
// commands to them and lays out what is on screen.
import { useCallback, useState } from 'react'
import type { ImportReport, MainEvent, MenuCommand } from '../../../shared/ipc-contract'
import { AnnotationPanel } from '../panel/annotation-panel'
import { ClaimsViews } from '../claims/claims-views'
import { ArticlePane } from '../article/article-pane'
import { DocumentList } from './document-list'
import { DropOverlay } from './drop-overlay'
import { EmptyState } from './empty-state'
import { AnnotationImportDialog } from '../datasets/annotation-import-dialog'
import { ExportDialog } from '../datasets/export-dialog'
import { ImportReportDialog } from '../datasets/import-report-dialog'
import { NewProjectDialog } from './new-project-dialog'
import { NoticeBanner } from './notice-banner'
import { ProgressBar } from '../common/progress-bar'
import { RegistryDialog } from '../entities/registry-dialog'
import { SchemaDialog } from '../schema/schema-dialog'
import { TopBar } from './top-bar'
import { ViewPanel, ViewTabs, type AppView } from './view-tabs'
import { Workbench } from './workbench'
import type { TextSelectionInfo } from '../editor-api'
import { useClaimNavigation } from '../claims/use-claim-navigation'
import { useCurrentDocument } from './use-current-document'
import { isDatasetCommand, useDatasets } from '../datasets/use-datasets'
import { useEditorActions } from '../article/use-editor-actions'
import { useEntities } from '../entities/use-entities'
import { useFileDrop } from './use-file-drop'
import { useKeyboardShortcuts } from './use-keyboard-shortcuts'
import { useLinking } from '../article/use-linking'
import { useMainEvents } from '../common/use-main-events'
import { useProject } from './use-project'
import { useProjectActions } from './use-project-actions'
import { useTransfers } from '../datasets/use-transfers'
import { messageOf } from '../common/error-message'
import type { Box } from '../article/palette-position'
import './shell.css'

/** The Marginalia renderer. */
export default function App() {
  const api = window.api
  const project = useProject(api)
  const doc = useCurrentDocument(api, project.updateSummary)
  const [palette, setPalette] = useState<Box | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [askingName, setAskingName] = useState(false)
  const [editingSchema, setEditingSchema] = useState(false)
  const [view, setView] = useState<AppView>('article')
  const { snapshot, settings } = project
  const schema = snapshot?.project.schema ?? null

  const closePalette = useCallback(() => setPalette(null), [])
  const actions = useEditorActions(settings, closePalette)
  const nav = useProjectActions({ api, project, doc, onNotice: setNotice, onLeave: closePalette })
  const linking = useLinking(actions.editor, settings.annotator)
  const registry = useEntities({
    api,
    snapshot,
    setSnapshot: project.setSnapshot,
    editor: actions.editor,
    flush: doc.flush,
    reload: () => doc.open(doc.docId),
    docId: doc.docId,
    onNotice: setNotice,
  })
  const toClaim = useClaimNavigation({
    shownDocumentId: doc.file?.document.id ?? null,
    flush: doc.flush,
    openDocument: nav.openDocument,
    editor: actions.editor,
    setView,
    onNotice: setNotice,
  })
  const showView = useCallback(
    (next: AppView) => {
      closePalette()
      setView(next)
    },
    [closePalette],
  )

  const { docId, open: openDoc } = doc
  const transfers = useTransfers({
    api,
    onSnapshot: project.setSnapshot,
    onImported: useCallback(
      (report: ImportReport) => {
        if (!docId && report.added[0]) void openDoc(report.added[0].id)
      },
      [docId, openDoc],
    ),
    onError: setNotice,
  })
  const datasets = useDatasets(api, setNotice)
  const dragging = useFileDrop(snapshot !== null && !transfers.busy, transfers.importFiles)

  useKeyboardShortcuts({
    // Article shortcuts (tag, delete, step through spans) only while the article is on screen.
    schema: doc.file && view === 'article' ? schema : null,
    selectedId: doc.selectedId,
    paletteOpen: palette !== null,
    closePalette,
    actions,
    linking: {
      pickerOpen: linking.picker !== null,
      openPicker: () => linking.openPicker(),
      closePicker: () => linking.closePicker(),
    },
  })

  const onTextSelection = useCallback((info: TextSelectionInfo | null) => {
    setPalette(info ? rectBox(info.rect) : null)
  }, [])

  const openUrl = useCallback(
    (url: string) => {
      api['shell:open-external']({ url }).catch((error: unknown) =>
        setNotice(`Could not open the link: ${messageOf(error)}`),
      )
    },
    [api],
  )

  const onMenu = (command: MenuCommand) => {
    if (isDatasetCommand(command)) {
      if (snapshot) datasets.onMenu(command)
      return
    }
    switch (command) {
      case 'undo':
      case 'redo':
        actions.history(command)
        return
      case 'import':
        if (snapshot) void transfers.importWithDialog()
        return
      case 'new-project':
        setAskingName(true)
        return
      case 'open-project':
        void nav.openProject()
        return
      case 'close-project':
        void nav.closeProject()
        return
      case 'toggle-snap':
        void nav.toggleSnap()
        return
    }
  }

  useMainEvents(api, (event: MainEvent) => {
    switch (event.type) {
      case 'menu':
        onMenu(event.command)
        return
      case 'flush-request':
        // Main waits for this before quitting; a failed save still answers (main decides).
        void doc.flush().finally(() => void api['app:flushed']())
        return
      case 'progress':
        transfers.onProgress(event)
        return
      case 'project-changed':
        nav.projectChanged(event.snapshot)
        return
    }
  })

  return (
    <div className="app">
      <TopBar
        projectName={snapshot?.project.name ?? null}
        documentTitle={doc.file ? doc.file.document.title || 'Untitled' : null}
        saveState={doc.saveState}
        onRetrySave={doc.retry}
        snapToWords={settings.snapToWords}
        onSnapToWords={(on) => void nav.setSnapToWords(on)}
        onImport={() => void transfers.importWithDialog()}
        onImportAnnotations={datasets.openImportAnnotations}
        onExport={() => datasets.openExport()}
        busy={transfers.busy}
        views={<ViewTabs view={view} onChange={showView} />}
      />
      {notice && <NoticeBanner message={notice} onDismiss={() => setNotice(null)} />}
      {!project.ready ? (
        <main className="article-message muted" role="status">
          Opening…
        </main>
      ) : snapshot && schema ? (
        <div className="view-stack">
          <ViewPanel view="article" current={view}>
            <Workbench
              documents={
                <DocumentList
                  documents={snapshot.documents}
                  problems={snapshot.problems}
                  currentId={doc.docId}
                  onOpen={(id) => void nav.openDocument(id)}
                  onImport={() => void transfers.importWithDialog()}
                />
              }
              article={
                <ArticlePane
                  file={doc.file}
                  loading={doc.loading}
                  loadError={doc.loadError}
                  schema={schema}
                  editorRef={actions.editor}
                  palette={palette}
                  onChange={doc.changed}
                  onSelect={doc.select}
                  onTextSelection={onTextSelection}
                  onTag={actions.tag}
                  onOpenUrl={openUrl}
                  linking={linking}
                  onOpenRegistry={registry.openManager}
                  onOpenSchema={() => setEditingSchema(true)}
                />
              }
              panel={
                doc.annotations ? (
                  <AnnotationPanel
                    key={doc.docId}
                    schema={schema}
                    annotations={doc.annotations}
                    selectedId={doc.selectedId}
                    onShowSpan={actions.showSpan}
                    onClearSelection={actions.clearSelection}
                    onUpdateSpan={actions.patchSpan}
                    onDeleteSpan={actions.deleteSpan}
                    onDocLabels={actions.changeDocLabels}
                    linking={linking}
                    registry={registry}
                  />
                ) : (
                  <aside className="annotation-panel" aria-label="Annotations" />
                )
              }
            />
          </ViewPanel>
          <ClaimsViews
            key={snapshot.path}
            api={api}
            view={view}
            currentDocument={
              doc.file ? { id: doc.file.document.id, title: doc.file.document.title } : null
            }
            flush={doc.flush}
            projectVersion={snapshot}
            onOpenClaim={(row) => void toClaim.openClaim(row.documentId, row.claimId)}
            onOpenDocument={(id) => void toClaim.openDocument(id)}
          />
          {schema && (
            <RegistryDialog registry={registry} schema={schema} annotations={doc.annotations} />
          )}
        </div>
      ) : (
        <EmptyState
          error={project.initError}
          recent={project.recent}
          onNew={() => setAskingName(true)}
          onOpen={() => void nav.openProject()}
          onOpenRecent={(path) => void nav.openRecent(path)}
        />
      )}
      {transfers.progress && <ProgressBar {...transfers.progress} />}
      {dragging && <DropOverlay />}
      {askingName && (
        <NewProjectDialog
          onCreate={(name) => {
            setAskingName(false)
            void nav.createProject(name)
          }}
          onCancel={() => setAskingName(false)}
        />
      )}
      {editingSchema && snapshot && (
        <SchemaDialog
          api={api}
          schema={snapshot.project.schema}
          annotator={settings.annotator}
          onSaved={project.setSnapshot}
          onSettings={project.setSettings}
          onClose={() => setEditingSchema(false)}
        />
      )}
      {transfers.result?.kind === 'import' && (
        <ImportReportDialog report={transfers.result.report} onClose={transfers.clearResult} />
      )}
      {datasets.dialog?.kind === 'export' && snapshot && (
        <ExportDialog
          api={api}
          formats={datasets.formats?.export ?? []}
          initialFormat={datasets.dialog.format}
          layers={snapshot.project.schema.layers}
          documentCount={snapshot.documents.length}
          currentDocument={
            doc.file ? { id: doc.file.document.id, title: doc.file.document.title } : null
          }
          flush={doc.flush}
          onClose={datasets.close}
        />
      )}
      {datasets.dialog?.kind === 'import-annotations' && snapshot && (
        <AnnotationImportDialog
          api={api}
          formats={datasets.formats?.import ?? []}
          onSnapshot={project.setSnapshot}
          onOpenDocument={(id) => void nav.openDocument(id)}
          onClose={datasets.close}
        />
      )}
    </div>
  )
}

/** A DOMRect as a plain box for state (the palette only needs its numbers). */
function rectBox(rect: DOMRect): Box {
  return { top: rect.top, left: rect.left, width: rect.width, height: rect.height }
}
