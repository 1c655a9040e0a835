// The per-source summary: one row per entity (or per unlinked source text) with its number of
// claims, the checkability and sentiment mix of those claims as small bars, and the documents it
// appears in, each a button that opens the document. Sortable by every column. Only the rows near
// the pane's viewport are drawn (table-window.tsx), and a source named in thousands of documents
// lists the first few with a button for more (document-links.tsx).
import { useCallback, useMemo, useRef, useState, type RefObject } from 'react'
import type { SourceSummary } from '../../../shared/claims'
import {
  DEFAULT_SUMMARY_SORT,
  nextSummarySort,
  sortSummaries,
  SUMMARY_COLUMN_NAMES,
  SUMMARY_COLUMNS,
  type SummaryColumn,
  type SummarySort,
} from './source-summary-model'
import { MixBar } from './mix-bar'
import { SortHeader } from '../common/sort-header'
import { DocumentLinks, FIRST_DOCUMENTS } from './document-links'
import { useTableWindow, windowRows, type Measure } from './table-window'

/** A row's height before it is measured (a source in one to three documents). */
const ESTIMATED_ROW_PX = 48

interface SourceSummaryTableProps {
  summaries: readonly SourceSummary[]
  /** Claims attributed to no source (not in any summary row). */
  unsourced: number
  onOpenDocument: (docId: string) => void
  /** Summaries of several analysts (set id → name): an Analyst column first. */
  analystNames?: ReadonlyMap<string, string> | null
  /** The pane the table scrolls in. */
  scroller: RefObject<HTMLElement | null>
}

/** The key of a summary row (one per analyst and source). */
function summaryKey(s: SourceSummary): string {
  return `${s.analyst ?? ''}|${s.entityId ?? `text:${s.name}`}`
}

/** The table of sources. */
export function SourceSummaryTable({
  summaries,
  unsourced,
  onOpenDocument,
  analystNames,
  scroller,
}: SourceSummaryTableProps) {
  const [sort, setSort] = useState<SummarySort>(DEFAULT_SUMMARY_SORT)
  const sorted = useMemo(() => sortSummaries(summaries, sort), [summaries, sort])
  // How many documents each expanded row lists (kept here: rows scrolled away are not drawn).
  const [shown, setShown] = useState<ReadonlyMap<string, number>>(new Map())
  const onShow = useCallback(
    (key: string, count: number) => setShown((m) => new Map(m).set(key, count)),
    [],
  )
  const body = useRef<HTMLTableSectionElement>(null)
  const getItemKey = useCallback((i: number) => summaryKey(sorted[i]), [sorted])
  const { virtualizer, margin } = useTableWindow({
    count: sorted.length,
    getItemKey,
    scroller,
    body,
    estimate: ESTIMATED_ROW_PX,
    rows: sorted,
  })
  const columns = SUMMARY_COLUMNS.length + (analystNames ? 1 : 0)
  const drawn = windowRows(virtualizer, margin, columns, (index) => {
    const s = sorted[index]
    const key = summaryKey(s)
    return (
      <SourceRow
        key={key}
        summary={s}
        index={index}
        shown={shown.get(key) ?? FIRST_DOCUMENTS}
        onShow={(count) => onShow(key, count)}
        measure={virtualizer.measureElement}
        analyst={analystNames ? (analystNames.get(s.analyst ?? '') ?? s.analyst ?? '') : null}
        onOpenDocument={onOpenDocument}
      />
    )
  })
  return (
    <>
      <table className="sources-table" aria-rowcount={sorted.length + 1}>
        <caption className="visually-hidden">
          Sources: claims per source, their checkability and sentiment, and the documents.
        </caption>
        <SummaryHead
          byAnalyst={!!analystNames}
          sort={sort}
          onSort={(c) => setSort((s) => nextSummarySort(s, c))}
        />
        <tbody ref={body}>{drawn}</tbody>
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

interface SummaryHeadProps {
  byAnalyst: boolean
  sort: SummarySort
  onSort: (column: SummaryColumn) => void
}

/** The table's columns and their sortable headers. */
function SummaryHead({ byAnalyst, sort, onSort }: SummaryHeadProps) {
  return (
    <>
      <colgroup>
        {byAnalyst && <col className="col-analyst" />}
        {SUMMARY_COLUMNS.map((c) => (
          <col key={c} className={`col-${c}`} />
        ))}
      </colgroup>
      <thead>
        <tr aria-rowindex={1}>
          {byAnalyst && (
            <th scope="col" className="plain-head">
              Analyst
            </th>
          )}
          {SUMMARY_COLUMNS.map((c) => (
            <SortHeader
              key={c}
              label={SUMMARY_COLUMN_NAMES[c]}
              sorted={sort.column === c ? sort.dir : null}
              onSort={() => onSort(c)}
              className={c === 'claims' ? 'numeric' : undefined}
            />
          ))}
        </tr>
      </thead>
    </>
  )
}

interface SourceRowProps {
  summary: SourceSummary
  index: number
  measure: Measure
  /** How many of its documents the row lists. */
  shown: number
  onShow: (count: number) => void
  /** The Analyst cell's text; null: no such column. */
  analyst: string | null
  onOpenDocument: (docId: string) => void
}

/** One source's row. */
function SourceRow(props: SourceRowProps) {
  const { summary: s, index, measure, shown, onShow, analyst, onOpenDocument } = props
  return (
    <tr ref={measure} data-index={index} aria-rowindex={index + 2}>
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
        <DocumentLinks
          documents={s.documents}
          shown={shown}
          onShow={onShow}
          onOpen={onOpenDocument}
        />
      </td>
    </tr>
  )
}
