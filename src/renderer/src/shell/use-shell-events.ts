// Routes what reaches the shell from outside the page's own controls: main's events (menu
// commands, the flush before quitting, progress, project changes) and the keyboard shortcuts.
import type { MainEvent, MenuCommand } from '../../../shared/ipc-contract'
import { useMainEvents } from '../common/use-main-events'
import { isDatasetCommand } from '../datasets/use-datasets'
import { useKeyboardShortcuts } from './use-keyboard-shortcuts'
import type { ShellState } from './use-shell-state'

/** Installs the shell's listeners for main's events and the keyboard. */
export function useShellEvents(s: ShellState): void {
  const { api, doc, views, schema, article, nav, transfers } = s
  const { actions, linking } = article

  useKeyboardShortcuts({
    // Article shortcuts (tag, delete, step through spans) only while the article is on screen.
    schema: doc.file ? schema : null,
    articleShown: () => views.get() === 'article',
    selectedId: doc.selectedId.get,
    paletteOpen: () => article.palette.get() !== null,
    closePalette: article.closePalette,
    actions,
    linking: {
      pickerOpen: linking.picker !== null,
      openPicker: () => linking.openPicker(),
      closePicker: () => linking.closePicker(),
    },
    suggestions: {
      shown: () => s.suggestions.info.get().shown,
      current: () => s.suggestions.info.get().current !== null,
      step: s.suggestions.step,
      accept: () => s.suggestions.accept(),
      acceptAll: () => s.suggestions.acceptAll(),
      reject: () => s.suggestions.reject(),
      clearCurrent: s.suggestions.clearCurrent,
    },
  })

  useMainEvents(api, (event: MainEvent) => {
    switch (event.type) {
      case 'menu':
        runMenuCommand(s, event.command)
        return
      case 'flush-request':
        // Main waits for this before closing or quitting, and decides with the outcome: a failed
        // save keeps the window open (Retry, Save a copy elsewhere, Quit anyway).
        void doc
          .flushOutcome()
          .catch((error: unknown) => ({
            saved: false as const,
            message: error instanceof Error ? error.message : String(error),
            unsaved: null,
          }))
          .then((outcome) => api['app:flushed'](outcome))
          .catch(() => undefined)
        return
      case 'progress':
      case 'import-start':
      case 'import-file':
        transfers.onImportEvent(event)
        return
      case 'project-changed':
        nav.projectChanged(event.snapshot)
        return
    }
  })
}

/** Carries out a command of the application menu. */
function runMenuCommand(s: ShellState, command: MenuCommand): void {
  const { snapshot, nav, transfers, datasets } = s
  if (isDatasetCommand(command)) {
    if (snapshot) datasets.onMenu(command)
    return
  }
  switch (command) {
    case 'undo':
    case 'redo':
      s.article.actions.history(command)
      return
    // None of these reject: each shows its own failure as a notice.
    case 'import':
      if (snapshot) void transfers.importWithDialog()
      return
    case 'paste-article':
      if (snapshot) s.setPasting({})
      return
    case 'new-project':
      s.setAskingName(true)
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
    case 'analyst-report':
      if (snapshot) s.setReportDialog({ docId: null })
      return
  }
}
