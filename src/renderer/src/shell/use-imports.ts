// Bringing work into the project: documents (from the Import menu, the File menu or a drop on the
// window, with progress and a report), articles pasted from the clipboard, and the dataset dialogs
// (export, import of annotations).
import { useCallback } from 'react'
import type { Api, ImportReport, ProjectSnapshot } from '../../../shared/ipc-contract'
import { useDatasets } from '../datasets/use-datasets'
import { usePasteArticle } from '../datasets/use-paste-article'
import { useTransfers } from '../datasets/use-transfers'
import { useFileDrop } from './use-file-drop'

interface ImportOptions {
  api: Api
  snapshot: ProjectSnapshot | null
  setSnapshot: (snapshot: ProjectSnapshot) => void
  /** The open document's id; when none is open, the first imported document opens. */
  docId: string | null
  openDoc: (docId: string) => Promise<boolean>
  onNotice: (message: string) => void
}

/** The transfers, the dataset dialogs, and whether files are being dragged over the window. */
export function useImports({
  api,
  snapshot,
  setSnapshot,
  docId,
  openDoc,
  onNotice,
}: ImportOptions) {
  const transfers = useTransfers({
    api,
    onSnapshot: setSnapshot,
    onImported: useCallback(
      (report: ImportReport) => {
        // openDoc never rejects: a document that fails to load shows its error in the article.
        if (!docId && report.added[0]) void openDoc(report.added[0].id)
      },
      [docId, openDoc],
    ),
    onError: onNotice,
  })
  const datasets = useDatasets(api, onNotice)
  const { importFiles } = transfers
  const canImport = snapshot !== null && !transfers.busy
  // importFiles never rejects: run() shows a failed import as a notice.
  const onDrop = useCallback((files: File[]) => void importFiles(files), [importFiles])
  const dragging = useFileDrop(canImport, onDrop)
  const { pasting, setPasting } = usePasteArticle(canImport)
  return { transfers, datasets, dragging, pasting, setPasting }
}
