// The per-source summary: one row per entity (or per unlinked source text) with its number of
// claims, the checkability and sentiment mix of those claims as small bars, and the documents it
// appears in, each a button that opens the document. Sortable by every column.
import { useMemo, useState } from 'react'
import type { SourceSummary } from '../../../shared/claims'
import {
  DEFAULT_SUMMARY_SORT,
  nextSummarySort,
  sortSummaries,
  SUMMARY_COLUMN_NAMES,
  SUMMARY_COLUMNS,
  type SummarySort,
} from './source-summary-model'
import { MixBar } from './mix-bar'
import { SortHeader } from '../common/sort-header'

interface SourceSummaryTableProps {
  summaries: readonly SourceSummary[]
  /** Claims attributed to no source (not in any summary row). */
  unsourced: number
  onOpenDocument: (docId: string) => void
  /** Summaries of several analysts (set id → name): an Analyst column first. */
  analystNames?: ReadonlyMap<string, string> | null
}

/** The table of sources. */
export function SourceSummaryTable({
  summaries,
  unsourced,
  onOpenDocument,
  analystNames,
}: SourceSummaryTableProps) {
  const [sort, setSort] = useState<SummarySort>(DEFAULT_SUMMARY_SORT)
  const sorted = useMemo(() => sortSummaries(summaries, sort), [summaries, sort])
  return (
    <>
      <table className="sources-table">
        <caption className="visually-hidden">
          Sources: claims per source, their checkability and sentiment, and the documents.
        </caption>
        <colgroup>
          {analystNames && <col className="col-analyst" />}
          {SUMMARY_COLUMNS.map((c) => (
            <col key={c} className={`col-${c}`} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {analystNames && (
              <th scope="col" className="plain-head">
                Analyst
              </th>
            )}
            {SUMMARY_COLUMNS.map((c) => (
              <SortHeader
                key={c}
                label={SUMMARY_COLUMN_NAMES[c]}
                sorted={sort.column === c ? sort.dir : null}
                onSort={() => setSort((s) => nextSummarySort(s, c))}
                className={c === 'claims' ? 'numeric' : undefined}
              />
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((s) => (
            <SourceRow
              key={`${s.analyst ?? ''}|${s.entityId ?? `text:${s.name}`}`}
              summary={s}
              analyst={analystNames ? (analystNames.get(s.analyst ?? '') ?? s.analyst ?? '') : null}
              onOpenDocument={onOpenDocument}
            />
          ))}
        </tbody>
      </table>
      {unsourced > 0 && (
        <p className="sources-note muted">
          {unsourced === 1 ? '1 claim has' : `${unsourced} claims have`} no source and{' '}
          {unsourced === 1 ? 'is' : 'are'} not counted here.
        </p>
      )}
    </>
  )
}

interface SourceRowProps {
  summary: SourceSummary
  /** The Analyst cell's text; null: no such column. */
  analyst: string | null
  onOpenDocument: (docId: string) => void
}

/** One source's row. */
function SourceRow({ summary: s, analyst, onOpenDocument }: SourceRowProps) {
  return (
    <tr>
      {analyst !== null && <td className="cell-analyst">{analyst}</td>}
      <th scope="row" className="source-name">
        {s.name}
        {s.entityId === null && <span className="unlinked">not linked to an entity</span>}
      </th>
      <td className="numeric">{s.claims}</td>
      <td>
        <MixBar mix={s.checkability} label="Checkability" />
      </td>
      <td>
        <MixBar mix={s.sentiment} label="Sentiment" />
      </td>
      <td>
        <ul className="cell-lines">
          {s.documents.map((d) => (
            <li key={d.id}>
              <button
                type="button"
                className="link-button doc-link"
                title={`Open “${d.title || d.id}”`}
                onClick={() => onOpenDocument(d.id)}
              >
                {d.title || d.id}
              </button>
            </li>
          ))}
        </ul>
      </td>
    </tr>
  )
}
