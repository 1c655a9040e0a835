// The dialogs the shell opens over everything: a new project's name, the schema, a document
// import's progress and report, Paste article, and the dataset dialogs (export, import of
// annotations). All but the first are in the dialogs' chunk (split-code.ts), loaded after the first
// screen; one opened before that shows once its code is in, and one that throws is replaced by a
// dialog saying so (later-dialog.tsx).
import { NewProjectDialog } from './new-project-dialog'
import { LaterDialog } from './later-dialog'
import type { ShellState } from './use-shell-state'

/** Whichever of the shell's dialogs are open. */
export function AppDialogs({ s }: { s: ShellState }) {
  const { api, project, snapshot, nav } = s
  return (
    <>
      {s.askingName && (
        <NewProjectDialog
          onCreate={(name) => {
            s.setAskingName(false)
            // Never rejects: a failure is shown as a notice (guarded() in use-project-actions).
            void nav.createProject(name)
          }}
          onCancel={() => s.setAskingName(false)}
        />
      )}
      {s.editingSchema && snapshot && (
        <LaterDialog name="Schema" onClose={() => s.setEditingSchema(false)}>
          {({ SchemaDialog }) => (
            <SchemaDialog
              api={api}
              schema={snapshot.project.schema}
              annotator={s.settings.annotator}
              onSaved={project.setSnapshot}
              onSettings={project.setSettings}
              onClose={() => s.setEditingSchema(false)}
            />
          )}
        </LaterDialog>
      )}
      <DocumentImportDialogs s={s} />
      <DatasetDialogs s={s} />
    </>
  )
}

/** Paste article, and a document import's progress and report. */
function DocumentImportDialogs({ s }: { s: ShellState }) {
  const { api, snapshot, transfers, pasting } = s
  const { importRun, result } = transfers
  return (
    <>
      {pasting && snapshot && (
        <LaterDialog name="Paste article" onClose={() => s.setPasting(null)}>
          {({ PasteDialog }) => (
            <PasteDialog
              api={api}
              initial={pasting}
              onImport={transfers.importPaste}
              onClose={() => s.setPasting(null)}
            />
          )}
        </LaterDialog>
      )}
      {importRun && (
        <LaterDialog name="Import progress">
          {({ ImportProgressDialog }) => (
            <ImportProgressDialog run={importRun} onCancel={transfers.cancel} />
          )}
        </LaterDialog>
      )}
      {result?.kind === 'import' && (
        <LaterDialog name="Import report" onClose={transfers.clearResult}>
          {({ ImportReportDialog }) => (
            <ImportReportDialog report={result.report} onClose={transfers.clearResult} />
          )}
        </LaterDialog>
      )}
    </>
  )
}

/** The dataset dialogs: export, and import of annotations. */
function DatasetDialogs({ s }: { s: ShellState }) {
  const { api, project, doc, snapshot, nav, datasets } = s
  const dialog = datasets.dialog
  return (
    <>
      {dialog?.kind === 'export' && snapshot && (
        <LaterDialog name="Export" onClose={datasets.close}>
          {({ ExportDialog }) => (
            <ExportDialog
              api={api}
              formats={datasets.formats?.export ?? []}
              initialFormat={dialog.format}
              layers={snapshot.project.schema.layers}
              documentCount={snapshot.documents.length}
              currentDocument={
                doc.file ? { id: doc.file.document.id, title: doc.file.document.title } : null
              }
              flush={doc.flush}
              onClose={datasets.close}
            />
          )}
        </LaterDialog>
      )}
      {dialog?.kind === 'import-annotations' && snapshot && (
        <LaterDialog name="Import annotations" onClose={datasets.close}>
          {({ AnnotationImportDialog }) => (
            <AnnotationImportDialog
              api={api}
              formats={datasets.formats?.import ?? []}
              onSnapshot={project.setSnapshot}
              // Never rejects: a failed save before switching is shown as a notice.
              onOpenDocument={(id) => void nav.openDocument(id)}
              onClose={datasets.close}
            />
          )}
        </LaterDialog>
      )}
    </>
  )
}
