// Which dataset dialog is open (Export, or Import Annotations) and the format lists they offer.
// The lists come from main's registries through `formats:list`, once, so the labels the user sees
// are the ones the CLI and the menu use and the renderer names no format itself.
import { useCallback, useEffect, useState } from 'react'
import type { Api, ExportFormat, FormatList, MenuCommand } from '../../../shared/ipc-contract'
import { messageOf } from '../common/error-message'

export type DatasetDialog =
  { kind: 'export'; format: ExportFormat | null } | { kind: 'import-annotations' } | null

/**
 * The export format a menu command asks for: `export-brat` → 'brat'; null for 'export-dataset'
 * (the dialog's default); undefined when the command is not an export command at all.
 */
export function exportCommandFormat(command: MenuCommand): ExportFormat | null | undefined {
  if (command === 'export-dataset') return null
  return command.startsWith('export-')
    ? (command.slice('export-'.length) as ExportFormat)
    : undefined
}

/** Whether a menu command opens a dataset dialog (Export or Import Annotations). */
export function isDatasetCommand(command: MenuCommand): boolean {
  return command === 'import-annotations' || exportCommandFormat(command) !== undefined
}

/** The open dataset dialog, the format lists, and actions to open and close the dialogs. */
export function useDatasets(api: Api, onError: (message: string) => void) {
  const [dialog, setDialog] = useState<DatasetDialog>(null)
  const [formats, setFormats] = useState<FormatList | null>(null)

  useEffect(() => {
    if (dialog === null || formats !== null) return
    let live = true
    api['formats:list']().then(
      (list) => live && setFormats(list),
      (error: unknown) => {
        if (!live) return
        setDialog(null)
        onError(`Could not list the formats: ${messageOf(error)}`)
      },
    )
    return () => {
      live = false
    }
  }, [api, dialog, formats, onError])

  /** Opens the Export dialog, on `format` when given. */
  const openExport = useCallback((format: ExportFormat | null = null) => {
    setDialog({ kind: 'export', format })
  }, [])
  const openImportAnnotations = useCallback(() => setDialog({ kind: 'import-annotations' }), [])
  const close = useCallback(() => setDialog(null), [])

  /** Opens the dialog a dataset menu command asks for (see `isDatasetCommand`). */
  const onMenu = useCallback(
    (command: MenuCommand) => {
      if (command === 'import-annotations') openImportAnnotations()
      else {
        const format = exportCommandFormat(command)
        if (format !== undefined) openExport(format)
      }
    },
    [openExport, openImportAnnotations],
  )

  return {
    /** The open dialog, once the format lists have loaded (null until then). */
    dialog: formats ? dialog : null,
    formats,
    openExport,
    openImportAnnotations,
    close,
    onMenu,
  }
}
