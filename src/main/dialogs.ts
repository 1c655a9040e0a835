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
          { name: 'Articles', extensions: ARTICLE_EXTENSIONS },
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

/** Shows each kind of native dialog modal to the main window when there is one. */
function modalTo(getWindow: () => BrowserWindow | null) {
  const parent = () => {
    const win = getWindow()
    return win && !win.isDestroyed() ? win : undefined
  }
  return {
    save(options: SaveDialogOptions) {
      const win = parent()
      return win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options)
    },
    open(options: OpenDialogOptions) {
      const win = parent()
      return win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options)
    },
    message(options: MessageBoxOptions) {
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
