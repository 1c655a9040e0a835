// The native dialogs behind `Dialogs` (handlers.ts), each modal to the main window when there is
// one. Only paths the user picks here reach the handlers as "chosen in a dialog".
import path from 'node:path'
import {
  app,
  dialog,
  type BrowserWindow,
  type FileFilter,
  type MessageBoxOptions,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron'
import type { AnnotationImportFormat, ExportFormat } from '../shared/ipc-contract'
import { getExportFormat } from './core/formats'
import { getImportFormat } from './core/formats/importers'
import { IMPORT_EXTENSIONS } from './core/import'
import type { Dialogs } from './handlers'
import type { UnsavedChoice, UnsavedDialogs } from './unsaved-guard'

const ARTICLE_EXTENSIONS = IMPORT_EXTENSIONS.map((e) => e.replace(/^\./, ''))

// A single-file output gets a filter for its extension; a folder output (extension '') none.
function exportFilters(format: ExportFormat, extension?: string): FileFilter[] {
  const { label, extension: own } = getExportFormat(format)
  const ext = extension ?? own
  return ext ? [{ name: label, extensions: [ext.replace(/^\./, '')] }] : []
}

/** Dialogs shown over the window `getWindow()` returns (or free-standing without one). */
export function createElectronDialogs(getWindow: () => BrowserWindow | null): Dialogs {
  const { save, open, message } = modalTo(getWindow)
  const documents = () => app.getPath('documents')
  return {
    async chooseNewProjectDir(name) {
      const result = await save({
        title: 'New Project',
        message: 'Choose where to create the project folder',
        buttonLabel: 'Create Project',
        defaultPath: path.join(documents(), name),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      })
      return result.canceled || !result.filePath ? null : result.filePath
    },
    async chooseProjectDir() {
      const result = await open({
        title: 'Open Project',
        buttonLabel: 'Open Project',
        defaultPath: documents(),
        properties: ['openDirectory'],
      })
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    async chooseImportFiles() {
      const result = await open({
        title: 'Import Documents',
        buttonLabel: 'Import',
        properties: ['openFile', 'multiSelections'],
        filters: [
          {
            name: 'Articles (PDF, Word, web page, Markdown, text)',
            extensions: ARTICLE_EXTENSIONS,
          },
          { name: 'All Files', extensions: ['*'] },
        ],
      })
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths
    },
    async chooseExportPath(format, defaultName, extension) {
      const result = await save({
        title: 'Export Dataset',
        buttonLabel: 'Export',
        defaultPath: path.join(documents(), defaultName),
        filters: exportFilters(format, extension),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      })
      return result.canceled || !result.filePath ? null : result.filePath
    },
    async chooseAnnotationSource(format, source, extensions) {
      const result = await open(annotationSourceOptions(format, source, extensions))
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths
    },
    async chooseMergeSource(source) {
      const result = await open(mergeSourceOptions(source, documents()))
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    async chooseSavePath({ title, buttonLabel, defaultName, filters }) {
      const result = await save({
        title,
        buttonLabel,
        defaultPath: path.join(documents(), defaultName),
        filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      })
      return result.canceled || !result.filePath ? null : result.filePath
    },
    async confirmOpenExternal(url) {
      const { response } = await message({
        type: 'question',
        buttons: ['Open in Browser', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
        message: 'Open this link in your web browser?',
        detail: url,
        noLink: true,
      })
      return response === 0
    },
  }
}

const UNSAVED_CHOICES: UnsavedChoice[] = ['retry', 'copy', 'quit', 'cancel']

/** The questions asked before a close or quit when the last save failed (unsaved-guard.ts). */
export function createUnsavedDialogs(getWindow: () => BrowserWindow | null): UnsavedDialogs {
  const { save, message } = modalTo(getWindow)
  return {
    async askUnsaved(problem, action, note) {
      const { response } = await message({
        type: 'warning',
        title: 'Not saved',
        buttons: [
          'Retry',
          'Save a Copy Elsewhere…',
          action === 'quit' ? 'Quit Anyway' : 'Close Anyway',
          'Cancel',
        ],
        defaultId: 0,
        cancelId: 3,
        message: 'The latest changes could not be saved.',
        detail: [problem, note, `${action === 'quit' ? 'Quitting' : 'Closing'} anyway loses them.`]
          .filter(Boolean)
          .join('\n\n'),
        noLink: true,
      })
      return UNSAVED_CHOICES[response] ?? 'cancel'
    },
    async chooseCopyPath(defaultName) {
      const result = await save({
        title: 'Save a Copy of the Document',
        buttonLabel: 'Save Copy',
        defaultPath: path.join(app.getPath('documents'), defaultName),
        filters: [{ name: 'Marginalia document', extensions: ['json'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      })
      return result.canceled || !result.filePath ? null : result.filePath
    },
  }
}

/** Shows each kind of native dialog modal to the main window when there is one. */
function modalTo(getWindow: () => BrowserWindow | null) {
  const parent = () => {
    const win = getWindow()
    return win && !win.isDestroyed() ? win : undefined
  }
  return {
    save: (options: SaveDialogOptions) => {
      const win = parent()
      return win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options)
    },
    open: (options: OpenDialogOptions) => {
      const win = parent()
      return win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options)
    },
    message: (options: MessageBoxOptions) => {
      const win = parent()
      return win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options)
    },
  }
}

/**
 * The open dialog for annotated files in `format`, or with `source` 'folder' for one folder of
 * them: Windows and Linux cannot pick files and folders in one dialog, so a folder is its own ask.
 */
function annotationSourceOptions(
  format: AnnotationImportFormat,
  source: 'files' | 'folder',
  extensions: string[],
): OpenDialogOptions {
  const { label } = getImportFormat(format)
  if (source === 'folder') {
    return {
      title: `Import Annotations: ${label} folder`,
      buttonLabel: 'Preview Import',
      properties: ['openDirectory'],
    }
  }
  const names = [...new Set([...extensions, '.zip'].map((e) => e.replace(/^\./, '')))]
  return {
    title: `Import Annotations: ${label}`,
    buttonLabel: 'Preview Import',
    properties: ['openFile', 'multiSelections'],
    filters: [
      { name: label, extensions: names },
      { name: 'All Files', extensions: ['*'] },
    ],
  }
}

/** The open dialog for another analyst's annotations: a copy of the project, or a JSONL export. */
function mergeSourceOptions(source: 'folder' | 'jsonl', documentsDir: string): OpenDialogOptions {
  return source === 'folder'
    ? {
        title: "Add an Analyst's Annotations: another copy of the project",
        buttonLabel: 'Add Annotations',
        defaultPath: documentsDir,
        properties: ['openDirectory'],
      }
    : {
        title: "Add an Analyst's Annotations: Marginalia JSONL export",
        buttonLabel: 'Add Annotations',
        defaultPath: documentsDir,
        properties: ['openFile'],
        filters: [
          { name: 'Marginalia JSONL', extensions: ['jsonl'] },
          { name: 'All Files', extensions: ['*'] },
        ],
      }
}
