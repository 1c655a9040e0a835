// The dialogs the shell opens over everything: a new project's name, the schema, a document
// import's progress and report, Paste article, and the dataset dialogs (export, import of
// annotations).
import { AnnotationImportDialog } from '../datasets/annotation-import-dialog'
import { ExportDialog } from '../datasets/export-dialog'
import { ImportProgressDialog } from '../datasets/import-progress-dialog'
import { ImportReportDialog } from '../datasets/import-report-dialog'
import { PasteDialog } from '../datasets/paste-dialog'
import { SchemaDialog } from '../schema/schema-dialog'
import { NewProjectDialog } from './new-project-dialog'
import type { ShellState } from './use-shell-state'

/** Whichever of the shell's dialogs are open. */
export function AppDialogs({ s }: { s: ShellState }) {
  const { api, project, doc, snapshot, nav, transfers, datasets } = s
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
        <SchemaDialog
          api={api}
          schema={snapshot.project.schema}
          annotator={s.settings.annotator}
          onSaved={project.setSnapshot}
          onSettings={project.setSettings}
          onClose={() => s.setEditingSchema(false)}
        />
      )}
      {s.pasting && snapshot && (
        <PasteDialog
          api={api}
          initial={s.pasting}
          onImport={transfers.importPaste}
          onClose={() => s.setPasting(null)}
        />
      )}
      {transfers.importRun && (
        <ImportProgressDialog run={transfers.importRun} onCancel={transfers.cancel} />
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
          // Never rejects: a failed save before switching is shown as a notice.
          onOpenDocument={(id) => void nav.openDocument(id)}
          onClose={datasets.close}
        />
      )}
    </>
  )
}
