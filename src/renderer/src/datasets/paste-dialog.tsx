// "Paste article": the analyst pastes an article copied from a browser (or any text) into the box;
// main cleans it exactly like an imported web page (sanitised in the import worker, Readability
// where it keeps most of it) and shows what would be imported, with a title from the first
// heading that the analyst may change. The pasted HTML goes to main only: it is never put into
// this page, so nothing in it can run here.
import { useEffect, useId, useState, type ClipboardEvent } from 'react'
import type { Api, PasteResult } from '../../../shared/ipc-contract'
import { messageOf } from '../common/error-message'
import { Modal } from '../common/modal'
import { clipboardPayload, type ClipboardPayload } from './clipboard-paste'
import './datasets.css'

/** How much of the cleaned text the preview shows. */
const PREVIEW_CHARS = 1200

interface PasteDialogProps {
  api: Api
  /** What was pasted to open the dialog (a paste on the window), or nothing yet. */
  initial: ClipboardPayload
  /** Imports the paste (main adds it and the import report is shown); throws what main refused. */
  onImport: (paste: ClipboardPayload & { title?: string }) => Promise<PasteResult | null>
  onClose: () => void
}

/** The Paste article dialog. */
export function PasteDialog({ api, initial, onImport, onClose }: PasteDialogProps) {
  const [payload, setPayload] = useState<ClipboardPayload>(initial)
  const [title, setTitle] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [importing, setImporting] = useState(false)
  const preview = usePastePreview(api, payload, setError)

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    event.preventDefault()
    const pasted = clipboardPayload(event.clipboardData)
    if (!pasted) {
      setError('The clipboard holds no text or web page to import (an image or a file?).')
      return
    }
    setPayload(pasted)
  }
  const submit = async () => {
    setImporting(true)
    setError(null)
    try {
      const typed = title?.trim()
      await onImport({ ...payload, ...(typed ? { title: typed } : {}) })
      onClose()
    } catch (failure) {
      setError(messageOf(failure))
      setImporting(false)
    }
  }

  const shownTitle = title ?? preview?.title ?? ''
  const ready = preview !== null && !importing
  return (
    <Modal
      title="Paste article"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button primary"
            disabled={!ready}
            onClick={() => void submit()}
          >
            {importing ? 'Importing…' : 'Import'}
          </button>
        </>
      }
    >
      <div className="dataset-form paste-form">
        <PasteFields
          payload={payload}
          onPaste={onPaste}
          onType={(text) => setPayload({ text })}
          title={shownTitle}
          onTitle={setTitle}
        />
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        {preview && <PastePreview text={preview.text} />}
      </div>
    </Modal>
  )
}

interface PasteFieldsProps {
  payload: ClipboardPayload
  onPaste: (event: ClipboardEvent<HTMLTextAreaElement>) => void
  /** Typing in the box: the text is then taken as plain text. */
  onType: (text: string) => void
  title: string
  onTitle: (title: string) => void
}

/** The box the article is pasted into (with what kind of paste it was) and the title field. */
function PasteFields({ payload, onPaste, onType, title, onTitle }: PasteFieldsProps) {
  const id = useId()
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-text`}>Article</label>
        <textarea
          id={`${id}-text`}
          className="input paste-box"
          rows={6}
          placeholder="Paste the article here (Ctrl+V or ⌘V). A selection copied from a web page keeps its headings, paragraphs and quotes."
          value={payload.text ?? ''}
          onPaste={onPaste}
          onChange={(e) => onType(e.target.value)}
          aria-describedby={`${id}-kind`}
          data-autofocus
        />
        <p id={`${id}-kind`} className="hint">
          {payload.html
            ? 'Pasted from a web page: cleaned like an imported page (scripts, styles and page furniture removed).'
            : 'Plain text: the first line is the title when there is no heading.'}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-title`}>Title</label>
        <input
          id={`${id}-title`}
          className="input"
          value={title}
          maxLength={1000}
          placeholder="From the first heading"
          onChange={(e) => onTitle(e.target.value)}
        />
      </div>
    </>
  )
}

/** The cleaned text main would import, cut short, as plain text. */
function PastePreview({ text }: { text: string }) {
  const shown = text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text
  return (
    <section aria-label="What will be imported" className="paste-preview">
      <h3>
        What will be imported{' '}
        <span className="muted">({text.length.toLocaleString()} characters)</span>
      </h3>
      <pre className="paste-preview-text">{shown}</pre>
    </section>
  )
}

/**
 * Main's preview of `payload` (cleaned title and text), asked again a moment after each change;
 * null while there is nothing (or nothing readable) to import, with the reason given to `onError`.
 */
function usePastePreview(
  api: Api,
  payload: ClipboardPayload,
  onError: (message: string | null) => void,
): Pick<PasteResult, 'title' | 'text'> | null {
  const [preview, setPreview] = useState<Pick<PasteResult, 'title' | 'text'> | null>(null)
  useEffect(() => {
    // New clipboard content: the old preview no longer describes it, and is cleared at once.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setPreview(null)
    if ((payload.html ?? '').trim() === '' && (payload.text ?? '').trim() === '') return
    let current = true
    const timer = setTimeout(() => {
      api['import:paste']({ ...payload, preview: true }).then(
        (result) => {
          if (!current) return
          setPreview({ title: result.title, text: result.text })
          onError(null)
        },
        (failure: unknown) => current && onError(messageOf(failure)),
      )
    }, 200)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [api, payload, onError])
  return preview
}
