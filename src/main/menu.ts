// The application menu: the platform's standard roles plus File, Edit, View, Window and Help.
// Commands that act on the document (undo, import, export…) are sent to the renderer as
// `{type: 'menu', command}` events, because the renderer owns the editor state; the document is
// read-only, so the native undo role would do nothing. Open Recent is handled in main, which keeps
// the list. `buildMenuTemplate` is plain data, so it is tested without Electron.
import path from 'node:path'
import { Menu, type MenuItemConstructorOptions } from 'electron'
import type { ExportFormat, MenuCommand } from '../shared/ipc-contract'
import { exportFormatNames, getExportFormat } from './core/formats'

export interface MenuOptions {
  isMac: boolean
  /** Reload and developer tools appear only in development builds. */
  isPackaged: boolean
  recent: readonly string[]
  send(command: MenuCommand): void
  openRecent(dir: string): void
}

/** The menu template for the given platform and state. */
export function buildMenuTemplate(o: MenuOptions): MenuItemConstructorOptions[] {
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [{ role: 'about', label: 'About Marginalia' }],
  }
  return [
    ...(o.isMac ? [{ role: 'appMenu' } as const] : []),
    fileMenu(o),
    editMenu(o),
    viewMenu(o),
    { role: 'windowMenu' },
    help,
  ]
}

/** A menu item that sends `cmd` to the renderer. */
function commandItem(o: MenuOptions) {
  return (label: string, cmd: MenuCommand, accelerator?: string) =>
    ({ label, accelerator, click: () => o.send(cmd) }) satisfies MenuItemConstructorOptions
}

function fileMenu(o: MenuOptions): MenuItemConstructorOptions {
  const command = commandItem(o)
  const recentItems: MenuItemConstructorOptions[] =
    o.recent.length === 0
      ? [{ label: 'No Recent Projects', enabled: false }]
      : o.recent.map((dir) => ({
          label: `${path.basename(dir)}  —  ${path.dirname(dir)}`,
          click: () => o.openRecent(dir),
        }))
  return {
    label: 'File',
    submenu: [
      command('New Project…', 'new-project', 'CmdOrCtrl+Shift+N'),
      command('Open Project…', 'open-project', 'CmdOrCtrl+O'),
      { label: 'Open Recent', submenu: recentItems },
      { type: 'separator' },
      command('Import Documents…', 'import', 'CmdOrCtrl+I'),
      // Left to the page (like Undo): a text field keeps Ctrl+Shift+V, paste as plain text.
      {
        ...command('Paste Article…', 'paste-article', 'CmdOrCtrl+Shift+V'),
        registerAccelerator: false,
      },
      command('Import Annotations…', 'import-annotations'),
      {
        label: 'Export Dataset',
        // Every format of the export registry; each opens the Export dialog on that format.
        submenu: [
          command('Export Dataset…', 'export-dataset', 'CmdOrCtrl+Shift+E'),
          { type: 'separator' },
          ...exportFormatNames().map((name) =>
            command(`${getExportFormat(name).label}…`, `export-${name as ExportFormat}`),
          ),
        ],
      },
      command('Export Report…', 'analyst-report'),
      { type: 'separator' },
      command('Close Project', 'close-project'),
      ...(o.isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  }
}

function editMenu(o: MenuOptions): MenuItemConstructorOptions {
  const command = commandItem(o)
  return {
    label: 'Edit',
    submenu: [
      // The keys are shown but left to the page: the renderer undoes annotations, or lets a text
      // field it has focus in undo its own typing. A registered accelerator would take the key
      // press from the field, and arrive twice when the renderer also handles it.
      { ...command('Undo', 'undo', 'CmdOrCtrl+Z'), registerAccelerator: false },
      {
        ...command('Redo', 'redo', o.isMac ? 'Shift+Cmd+Z' : 'Ctrl+Shift+Z'),
        registerAccelerator: false,
      },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      command('Toggle Snap to Words', 'toggle-snap'),
    ],
  }
}

function viewMenu(o: MenuOptions): MenuItemConstructorOptions {
  return {
    label: 'View',
    submenu: [
      ...(o.isPackaged
        ? []
        : [
            { role: 'reload' } as const,
            { role: 'forceReload' } as const,
            { role: 'toggleDevTools' } as const,
            { type: 'separator' } as const,
          ]),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  }
}

/** Builds and installs the application menu (call again when the recent list changes). */
export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options)))
}
