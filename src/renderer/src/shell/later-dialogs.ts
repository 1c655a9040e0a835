// The dialogs the first screen does not open, as one chunk loaded after it (split-code.ts): the
// dataset dialogs (export, import of annotations, Paste article, a document import's progress and
// report), the schema editor, the report export and the source registry.
export { AnnotationImportDialog } from '../datasets/annotation-import-dialog'
export { ExportDialog } from '../datasets/export-dialog'
export { ImportProgressDialog } from '../datasets/import-progress-dialog'
export { ImportReportDialog } from '../datasets/import-report-dialog'
export { PasteDialog } from '../datasets/paste-dialog'
export { RegistryDialog } from '../entities/registry-dialog'
export { ReportDialog } from '../overview/report-dialog'
export { SchemaDialog } from '../schema/schema-dialog'
