// Opening, creating and closing projects and switching documents. Every action that leaves the
// open document saves it first and stops, with a message, if that save fails.
import { useCallback, useEffect, useEffectEvent } from 'react'
import type { Api, ProjectSnapshot } from '../../../shared/ipc-contract'
import { messageOf } from '../common/error-message'
import { initialDocumentId, rememberDocument } from './last-document'
import type { useCurrentDocument } from './use-current-document'
import type { useProject } from './use-project'

interface ProjectActionOptions {
  api: Api
  project: ReturnType<typeof useProject>
  doc: ReturnType<typeof useCurrentDocument>
  onNotice: (message: string) => void
  /** Called before the shown document changes (e.g. to close the tag palette). */
  onLeave: () => void
}

const UNSAVED = 'The open document could not be saved; use Retry first so no edit is lost.'

/** Project and document navigation actions. */
export function useProjectActions(options: ProjectActionOptions) {
  const { api, project, doc, onNotice } = options
  const { flush, docId } = doc
  const { setSnapshot, snapshot } = project
  const { switchProject, openDocument } = useDocumentSwitching(options)
  const snap = snapSettingActions(options)

  const guarded = useCallback(
    async (what: string, action: () => Promise<void>) => {
      try {
        if (!(await flush())) return onNotice(UNSAVED)
        await action()
      } catch (error) {
        onNotice(`${what}: ${messageOf(error)}`)
      }
    },
    [flush, onNotice],
  )

  const createProject = (name: string) =>
    guarded('Could not create the project', async () => {
      const next = await api['project:new']({ name })
      if (next) switchProject(next)
    })
  const openProject = () =>
    guarded('Could not open the project', async () => {
      const next = await api['project:open']()
      if (next) switchProject(next)
    })
  const openRecent = (path: string) =>
    guarded('Could not open the project', async () => {
      switchProject(await api['project:open-recent']({ path }))
    })
  const closeProject = () =>
    guarded('Could not close the project', async () => {
      await api['project:close']()
      switchProject(null)
    })

  /** Main changed the project on its own (opened from its menu, closed, or edited it). */
  const projectChanged = (next: ProjectSnapshot | null) => {
    const samePath = next !== null && next.path === snapshot?.path
    if (samePath && next.documents.some((d) => d.id === docId)) setSnapshot(next)
    else switchProject(next)
  }

  return {
    openDocument,
    createProject,
    openProject,
    openRecent,
    closeProject,
    projectChanged,
    ...snap,
    ...analystActions(options),
  }
}

/** Showing a project's documents: the first one of a project, and another one on request. */
function useDocumentSwitching({ project, doc, onNotice, onLeave }: ProjectActionOptions) {
  const { open: openDoc, forget: forgetDoc, docId } = doc
  const { setSnapshot, snapshot } = project

  /** Shows a project's last-viewed document, else its first readable one. */
  const showInitialDocument = useCallback(
    (next: ProjectSnapshot | null) => {
      onLeave()
      // openDoc never rejects: a document that cannot be loaded shows its error in the article.
      void openDoc(next ? initialDocumentId(next) : null)
    },
    [openDoc, onLeave],
  )

  // The project app:init opened (the last one, or the sample on first start); once, when init
  // answers: later projects arrive through switchProject.
  const showInitProject = useEffectEvent(() => showInitialDocument(project.snapshot))
  useEffect(() => {
    if (project.ready) showInitProject()
  }, [project.ready])

  /** Replaces the open project (the old one's document must already be saved). */
  const switchProject = useCallback(
    (next: ProjectSnapshot | null) => {
      forgetDoc()
      setSnapshot(next)
      showInitialDocument(next)
    },
    [forgetDoc, setSnapshot, showInitialDocument],
  )

  const openDocument = useCallback(
    async (id: string) => {
      onLeave()
      if (id === docId) return
      if (!(await openDoc(id))) onNotice(UNSAVED)
      else if (snapshot) rememberDocument(snapshot.path, id)
    },
    [docId, openDoc, snapshot, onLeave, onNotice],
  )

  return { switchProject, openDocument }
}

/** The snap-to-words setting: set it, or toggle it (from the menu). */
function snapSettingActions({ api, project, onNotice }: ProjectActionOptions) {
  const { setSettings, settings } = project
  const setSnapToWords = async (snapToWords: boolean) => {
    try {
      setSettings(await api['settings:set']({ snapToWords }))
    } catch (error) {
      onNotice(`Could not change the setting: ${messageOf(error)}`)
    }
  }
  const toggleSnap = () => setSnapToWords(!settings.snapToWords)
  return { setSnapToWords, toggleSnap }
}

/** The analyst's name, asked once: keeping it makes later saves go to that analyst's set. */
function analystActions({ api, project, doc, onNotice }: ProjectActionOptions) {
  const { setSettings, setSnapshot } = project
  const confirmAnalyst = async (annotator: string) => {
    if (!(await doc.flush())) return onNotice(UNSAVED)
    try {
      setSettings(await api['settings:set']({ annotator, annotatorConfirmed: true }))
      setSnapshot(await api['project:snapshot']())
      if (doc.docId) await doc.open(doc.docId) // shown again as the analyst's own set
    } catch (error) {
      onNotice(`Could not save your name: ${messageOf(error)}`)
    }
  }
  return { confirmAnalyst }
}
