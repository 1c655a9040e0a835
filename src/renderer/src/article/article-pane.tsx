// The centre pane: the article in the editor, with the tag palette by the selection; or the
// loading state, or why the document could not be loaded.
import {
  useEffect,
  useState,
  type ComponentProps,
  type FocusEvent,
  type ReactNode,
  type Ref,
} from 'react'
import type { AnnotationSchema, Annotations, DocumentFile } from '../../../shared/model'
import type { ArticleViewHandle, TextSelectionInfo } from '../editor-api'
import type { Linking } from './use-linking'
import { ArticleEditor } from './article-editor'
import { ArticleToolbar } from './article-toolbar'
import { LinkPicker } from './link-picker'
import { ArticleHeader } from './article-header'
import { focusFromKeyboard } from '../common/focus-modality'
import { ArticleHint, type Hint } from './article-hint'
import type { Box } from './palette-position'
import { TagPalette } from './tag-palette'
import { useStoreValue, type ValueStore } from '../common/value-store'
import { SuggestionControls } from '../suggestions/suggestion-controls'
import type { Suggestions } from '../suggestions/use-suggestions'
import './article.css'

interface ArticlePaneProps {
  file: DocumentFile | null
  loading: boolean
  loadError: string | null
  schema: AnnotationSchema
  editorRef: Ref<ArticleViewHandle>
  /** Where the tag palette shows (null: closed). */
  palette: ValueStore<Box | null>
  /** Why the project cannot be changed (read-only), or null. */
  readOnly?: string | null
  /** A short note by the caret saying why a key did nothing (see ArticleHint). */
  hint?: Hint | null
  onDismissHint?: (seq: number) => void
  onChange: (annotations: Annotations) => void
  onSelect: (spanId: string | null) => void
  onTextSelection: (info: TextSelectionInfo | null) => void
  onTag: (layerId: string, label: string) => void
  /** Opens the article's original web page (main asks the user first). */
  onOpenUrl: (url: string) => void
  /** Linking spans (left out: no link picker, handle or "Show all links"). */
  linking?: Linking
  /** Opens the source registry manager. */
  onOpenRegistry?: () => void
  onOpenSchema?: () => void
  /** Suggestions: the toolbar's switch and count, and the editor's suggestion plugins. */
  suggestions?: Suggestions
  /** Above the toolbar: whose annotations are shown (team/set-picker). */
  banner?: ReactNode
  /** Starts the editor again when it changes (another analyst's set shown in the same document). */
  editorKey?: string
}

/** The article pane (a named region of the main view). */
export function ArticlePane(props: ArticlePaneProps) {
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null)
  const { file, loading, loadError, linking } = props
  const title = file?.document.title || 'Untitled'
  const docId = file?.document.id
  const closePicker = linking?.closePicker
  // A picker belongs to one document's spans.
  useEffect(() => () => closePicker?.(false), [docId, closePicker])
  return (
    <section className="article-pane" aria-label={file ? `Article: ${title}` : 'Article'}>
      {props.banner}
      {file && linking && (
        <ArticleToolbar
          showAll={linking.showAll}
          onShowAll={linking.setShowAll}
          message={linking.message}
          onDismissMessage={linking.clearMessage}
          onOpenRegistry={props.onOpenRegistry}
          onOpenSchema={props.onOpenSchema}
          suggestions={props.suggestions && <SuggestionControls suggestions={props.suggestions} />}
        />
      )}
      <div
        className="article-scroll"
        ref={setScroller}
        onFocus={markKeyboardFocus}
        onBlur={clearKeyboardFocus}
      >
        {loadError ? (
          <LoadFailed message={loadError} />
        ) : loading ? (
          <p className="article-message muted" role="status">
            Loading…
          </p>
        ) : file ? (
          <>
            <ArticleHeader file={file} onOpenUrl={props.onOpenUrl} />
            <ArticleEditor
              key={props.editorKey ?? file.document.id}
              file={file}
              schema={props.schema}
              editorRef={props.editorRef}
              onChange={props.onChange}
              onSelect={props.onSelect}
              onTextSelection={props.onTextSelection}
              showAllLinks={linking?.showAll}
              readOnly={props.readOnly}
              onLinkDrop={linking?.dropLink}
              onLinkHandle={linking?.onLinkHandle}
              interceptSpanClick={linking?.interceptSpanClick}
              extraPlugins={props.suggestions?.plugins}
            />
            {linking?.picker && (
              <LinkPicker
                picker={linking.picker}
                schema={props.schema}
                container={scroller}
                onPick={linking.pick}
                onClose={linking.closePicker}
              />
            )}
            {props.hint && props.onDismissHint && (
              <ArticleHint hint={props.hint} container={scroller} onDismiss={props.onDismissHint} />
            )}
            {!props.readOnly && (
              <OpenTagPalette
                at={props.palette}
                schema={props.schema}
                container={scroller}
                onTag={props.onTag}
              />
            )}
          </>
        ) : (
          <p className="article-message muted">Choose a document on the left.</p>
        )}
      </div>
    </section>
  )
}

/** Why the chosen document is not shown. */
function LoadFailed({ message }: { message: string }) {
  return (
    <div className="callout error article-message" role="alert">
      <strong>This document could not be loaded.</strong>
      <p>{message}</p>
    </div>
  )
}

/** Frames the pane while the article text has focus that came from the keyboard (see CSS). */
function markKeyboardFocus(event: FocusEvent<HTMLDivElement>): void {
  const target = event.target as HTMLElement
  if (!target.classList.contains('mg-doc')) return
  if (focusFromKeyboard()) event.currentTarget.dataset.keyboardFocus = ''
  else delete event.currentTarget.dataset.keyboardFocus
}

function clearKeyboardFocus(event: FocusEvent<HTMLDivElement>): void {
  if ((event.target as HTMLElement).classList.contains('mg-doc')) {
    delete event.currentTarget.dataset.keyboardFocus
  }
}

/** The tag palette while it is open (it re-renders alone as the text selection changes). */
function OpenTagPalette(
  props: { at: ValueStore<Box | null> } & Omit<ComponentProps<typeof TagPalette>, 'anchor'>,
) {
  const { at, ...rest } = props
  const anchor = useStoreValue(at)
  return anchor && <TagPalette anchor={anchor} {...rest} />
}
