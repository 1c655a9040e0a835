// The annotation editor's public surface: the view component, the commands, and the plugin state
// readers. The shell imports from here (or from the modules directly).
export {
  ArticleView,
  type ArticleViewHandle,
  type ArticleViewProps,
  type TextSelectionInfo,
} from './article-view'
export {
  addAnnotations,
  addRelation,
  addSpan,
  defaultAttributes,
  historyAliasEffect,
  redo,
  removeRelation,
  rejectSuggestions,
  removeSpan,
  selectAdjacentSpan,
  selectionOffsets,
  selectSpan,
  setDocLabels,
  tagProblem,
  tagSelection,
  undo,
  updateRelation,
  updateSpan,
  type TagOptions,
  type TagProblem,
} from './commands'
export {
  annotationKey,
  annotationsOf,
  type AnnotationAction,
  type AnnotationState,
  type RelationPatch,
  type SpanPatch,
} from './annotation-plugin'
export { buildPmDoc, OffsetMap } from './doc'
export { prepareArticleDoc } from './prepared-doc'
export { discardPreparedView, prepareArticleView } from './prepared-view'
export { snapToWords } from './snap'
export { createArticleState } from './state'
export { SpanStore } from './span-store'
export { nextStackedSpan, sameTag } from './annotation-plugin'
export { linkDataOf, linkProblem, linkSpans, retargetRelation } from './link-commands'
export { linksKey, setShowAllLinks } from './links-plugin'
export {
  linkCandidates,
  linkOptionsFor,
  resolveLink,
  retargetCandidates,
  spanLinks,
  type CandidateGroup,
  type LinkCandidate,
  type LinkData,
  type LinkDirection,
  type LinkEnds,
  type SpanLink,
} from './relations'
export type { AliasEffect } from './ops'
