// The editor, memoised so it re-renders only when the document or schema changes, never because
// the panel or the save state did (the callbacks it gets are stable).
import { memo, type Ref } from 'react'
import type { Plugin } from 'prosemirror-state'
import type { AnnotationSchema, Annotations, DocumentFile } from '../../../shared/model'
import { ArticleView, type ArticleViewHandle, type TextSelectionInfo } from '../editor-api'

interface EditorProps {
  file: DocumentFile
  schema: AnnotationSchema
  editorRef: Ref<ArticleViewHandle>
  onChange: (annotations: Annotations) => void
  onSelect: (spanId: string | null) => void
  onTextSelection: (info: TextSelectionInfo | null) => void
  showAllLinks?: boolean
  readOnly?: string | null
  onLinkDrop?: (fromId: string, targetIds: string[]) => void
  onLinkHandle?: (fromId: string) => void
  interceptSpanClick?: (spanIds: string[]) => boolean
  /** Further editor plugins for the document (suggestions). */
  extraPlugins?: () => Plugin[]
}

/** The ArticleView for one document. */
export const ArticleEditor = memo(function ArticleEditor(props: EditorProps) {
  return (
    <ArticleView
      ref={props.editorRef}
      document={props.file.document}
      schema={props.schema}
      initial={props.file.annotations}
      onChange={props.onChange}
      onSelect={props.onSelect}
      onTextSelection={props.onTextSelection}
      showAllLinks={props.showAllLinks}
      readOnly={props.readOnly}
      onLinkDrop={props.onLinkDrop}
      onLinkHandle={props.onLinkHandle}
      interceptSpanClick={props.interceptSpanClick}
      extraPlugins={props.extraPlugins}
    />
  )
})
