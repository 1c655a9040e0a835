// Building the editor state of one article: its PM document, offset map and annotation plugin.
import { EditorState, type Plugin } from 'prosemirror-state'
import type { AnnotationSchema, Annotations, Document } from '../../../shared/model'
import { annotationPlugin, type AnnotationPluginOptions } from './annotation-plugin'
import { articleDoc } from './prepared-doc'

/** What an article's editor state is made from. */
export interface ArticleStateOptions {
  document: Pick<Document, 'text' | 'blocks'>
  schema: AnnotationSchema
  initial: Annotations
  /** Draw only the first blocks' highlights at first (see AnnotationPluginOptions). */
  firstBlocks?: number
  /** Draw only the highlights near the viewport (see AnnotationPluginOptions). */
  drawWindow?: boolean
  onClickSpans?: AnnotationPluginOptions['onClickSpans']
  /** Why the annotations may not be changed (a read-only project); default null. */
  readOnly?: string | null
  /** Further plugins (e.g. the tooltip), after the annotation plugin. */
  plugins?: Plugin[]
}

/** Creates the editor state of an article with its annotations (no view needed). */
export function createArticleState(options: ArticleStateOptions): EditorState {
  const { doc, map } = articleDoc(options.document)
  const plugin = annotationPlugin({
    map,
    schema: options.schema,
    initial: options.initial,
    firstBlocks: options.firstBlocks,
    drawWindow: options.drawWindow,
    onClickSpans: options.onClickSpans,
    readOnly: options.readOnly,
  })
  return EditorState.create({ doc, plugins: [plugin, ...(options.plugins ?? [])] })
}
