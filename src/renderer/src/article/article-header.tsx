// The article's title (unless the text starts with it), byline and a link to the original page.
import type { DocumentFile } from '../../../shared/model'

/** Title and source line above the article text (the title only if the text lacks it). */
export function ArticleHeader({
  file,
  onOpenUrl,
}: {
  file: DocumentFile
  onOpenUrl: (url: string) => void
}) {
  const { title, metadata, text, blocks } = file.document
  const url = metadata.url && /^https?:\/\//i.test(metadata.url) ? metadata.url : null
  const byline = [metadata.author, metadata.outlet ?? metadata.siteName, metadata.publishedAt]
    .filter(Boolean)
    .join(' · ')
  const first = blocks[0]
  const textHasTitle =
    first?.type === 'heading' && norm(text.slice(first.start, first.end)) === norm(title)
  if (textHasTitle && !byline && !url) return null
  return (
    <header className={`article-header${textHasTitle ? ' byline-only' : ''}`}>
      {!textHasTitle && <h1 className="article-title">{title || 'Untitled'}</h1>}
      {(byline || url) && (
        <p className="article-byline">
          {byline}
          {byline && url && ' · '}
          {url && (
            <button
              type="button"
              className="link-button"
              title={url}
              onClick={() => onOpenUrl(url)}
            >
              Original article <span aria-hidden="true">↗</span>
            </button>
          )}
        </p>
      )}
    </header>
  )
}

function norm(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLowerCase()
}
