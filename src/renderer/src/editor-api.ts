// The one place the shell imports the editor from, so the app shell depends on a small, named
// surface of it: the view component and its handle, the commands it runs, and the plugin key.
export {
  ArticleView,
  annotationKey,
  redo,
  selectAdjacentSpan,
  removeSpan,
  selectSpan,
  setDocLabels,
  tagSelection,
  undo,
  updateSpan,
  type ArticleViewHandle,
  type SpanPatch,
  type TextSelectionInfo,
} from './editor'
