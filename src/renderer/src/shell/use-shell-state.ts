// Everything the shell holds, wired together: the project, the open document, the article's state,
// navigation, the source registry, the views, imports and the dialogs. Each concern lives in its
// own hook; this one only connects them, so the components below receive one `ShellState`.
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useArticleShell } from '../article/use-article-shell'
import type { AliasHistory } from '../article/use-editor-actions'
import { useClaimNavigation } from '../claims/use-claim-navigation'
import { useSuggestions } from '../suggestions/use-suggestions'
import { useEntities } from '../entities/use-entities'
import { useShownSet } from '../team/use-shown-set'
import { useCurrentDocument } from './use-current-document'
import { useImports } from './use-imports'
import { useProject } from './use-project'
import { useProjectActions } from './use-project-actions'
import { ValueStore } from '../common/value-store'
import { countingWrites, ProjectRevision } from './project-revision'
import { viewSwitcher } from './split-code'
import type { AppView } from './view-tabs'

/** The shell's state and actions (see the hooks it calls for each part). */
export function useShellState() {
  const { api, revision } = useCountedApi()
  const project = useProject(api, revision.bump)
  const doc = useCurrentDocument(api, project.updateSummary, revision.bump)
  const [notice, setNotice] = useState<string | null>(null)
  const [askingName, setAskingName] = useState(false)
  const [editingSchema, setEditingSchema] = useState(false)
  // The view on show: a store, so a switch re-renders what shows it, not the whole shell.
  const [views] = useState(() => new ValueStore<AppView>('article'))
  const setView = useCallback((next: AppView) => views.set(next), [views])
  /** The Export Report dialog, open with the scope it starts from (null: the whole project). */
  const [reportDialog, setReportDialog] = useState<{ docId: string | null } | null>(null)
  const { snapshot, settings } = project
  const schema = snapshot?.project.schema ?? null

  // The registry's half of undo: set below, once the registry exists.
  const aliasHistory = useRef<AliasHistory | null>(null)
  const article = useArticleShell(api, settings, setNotice, aliasHistory)
  const { closePalette, actions } = article
  const nav = useProjectActions({ api, project, doc, onNotice: setNotice, onLeave: closePalette })
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
  useLayoutEffect(() => {
    aliasHistory.current = registry.aliasHistory
  })
  const shownSet = useShownSet({ api, snapshot, schema, doc, actions, onNotice: setNotice })
  const toClaim = useClaimNavigation({
    shownDocumentId: shownSet.readyDocId,
    flush: doc.flush,
    openDocument: nav.openDocument,
    editor: actions.editor,
    setView,
    onNotice: setNotice,
  })
  const showView = useShowView(closePalette, setView)
  const suggestions = useSuggestions({ api, project, doc, editor: actions.editor, setNotice })
  const imports = useImports({
    api,
    snapshot,
    setSnapshot: project.setSnapshot,
    docId: doc.docId,
    openDoc: doc.open,
    onNotice: setNotice,
  })

  return {
    api,
    revision,
    project,
    doc,
    snapshot,
    settings,
    schema,
    notice,
    setNotice,
    askingName,
    setAskingName,
    editingSchema,
    setEditingSchema,
    views,
    showView,
    reportDialog,
    setReportDialog,
    article,
    nav,
    registry,
    toClaim,
    shownSet,
    suggestions,
    ...imports,
  }
}

/**
 * `window.api`, with the calls that may change the project's data counted in `revision` (for the
 * views built from main's answers: they ask again only when it changed).
 */
function useCountedApi() {
  const [counted] = useState(() => {
    const revision = new ProjectRevision()
    return { revision, api: countingWrites(window.api, revision) }
  })
  return counted
}

/** Shows another view, closing the tag palette first. */
function useShowView(closePalette: () => void, setView: (view: AppView) => void) {
  // A view whose code is not in yet is shown once it is (split-code.ts).
  const switchTo = useMemo(() => viewSwitcher(setView), [setView])
  return useCallback(
    (next: AppView) => {
      closePalette()
      switchTo(next)
    },
    [closePalette, switchTo],
  )
}

/** What `useShellState` returns: passed whole to the shell's parts. */
export type ShellState = ReturnType<typeof useShellState>
