// The Import Annotations dialog's steps: choose a format and source, read the files in main (which
// keeps the parsed data and hands back a token with the preview), then import or go back. A
// preview left without importing is discarded in main.
import { useRef, useState } from 'react'
import type {
  AnnotationImportFormat,
  AnnotationImportPreview,
  AnnotationImportReport,
  Api,
  ImportFormatInfo,
  ProjectSnapshot,
} from '../../../shared/ipc-contract'
import { messageOf } from '../common/error-message'

export type Phase =
  | { kind: 'choose'; error?: string }
  | { kind: 'reading' }
  | { kind: 'preview'; preview: AnnotationImportPreview; error?: string }
  | { kind: 'importing'; preview: AnnotationImportPreview }
  | { kind: 'done'; report: AnnotationImportReport }

interface AnnotationImportOptions {
  api: Api
  formats: ImportFormatInfo[]
  onSnapshot: (snapshot: ProjectSnapshot) => void
  onClose: () => void
}

/** The dialog's choices and phase, and the actions that move between phases. */
export function useAnnotationImport({
  api,
  formats,
  onSnapshot,
  onClose,
}: AnnotationImportOptions) {
  const [format, setFormat] = useState<AnnotationImportFormat>(formats[0]?.name ?? 'jsonl')
  const [source, setSource] = useState<'files' | 'folder'>('folder')
  const [mode, setMode] = useState<'add' | 'skip'>('add')
  const [phase, setPhase] = useState<Phase>({ kind: 'choose' })
  const info = formats.find((f) => f.name === format)
  const token = useRef<string | null>(null)

  const discard = () => {
    // Only frees the preview main holds (the next preview replaces it anyway): nothing to show.
    if (token.current) {
      api['annotations:import-discard']({ token: token.current }).catch(() => undefined)
    }
    token.current = null
  }
  const close = () => {
    discard()
    onClose()
  }
  const back = () => {
    discard()
    setPhase({ kind: 'choose' })
  }

  const choose = async () => {
    setPhase({ kind: 'reading' })
    try {
      const preview = await api['annotations:import-preview']({
        format,
        source: info?.folder ? source : 'files',
      })
      token.current = preview?.token ?? null
      setPhase(preview ? { kind: 'preview', preview } : { kind: 'choose' })
    } catch (error) {
      setPhase({ kind: 'choose', error: `Could not read the files: ${messageOf(error)}` })
    }
  }

  const commit = async (preview: AnnotationImportPreview) => {
    setPhase({ kind: 'importing', preview })
    try {
      const report = await api['annotations:import-commit']({
        token: preview.token,
        unknownLabels: mode,
      })
      token.current = null
      onSnapshot(report.snapshot)
      setPhase({ kind: 'done', report })
    } catch (error) {
      token.current = null
      setPhase({ kind: 'choose', error: `Import failed: ${messageOf(error)}` })
    }
  }

  return {
    format,
    setFormat,
    source,
    setSource,
    mode,
    setMode,
    phase,
    info,
    close,
    back,
    choose,
    commit,
  }
}
