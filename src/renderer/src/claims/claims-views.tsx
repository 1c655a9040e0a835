// The project-wide views beside the article: the claims table and the per-source summary. Both
// read one `claims:table` answer for the chosen scope (whole project or the open document), loaded
// when one of them is shown after the project's data changed (an edit in the article, an import, a
// registry edit), after the open document's pending edits are saved, and again when the project
// changes while one is on screen. They stay mounted while hidden, so filters, sort and scroll
// survive a trip to the article and back.
import { useDeferredValue, useMemo, useRef, useState, type ReactNode } from 'react'
import type { ClaimRow } from '../../../shared/claims'
import { GOLD_SET, goldSetOf, otherSetsThan } from '../../../shared/analysts'
import type { AnalystInfo, Api, ClaimsSets, ClaimsTableResult } from '../../../shared/ipc-contract'
import { useClaimsTable, type ClaimsTableState } from './use-claims-table'
import {
  EMPTY_FILTER,
  filterClaims,
  filterOptions,
  nextSort,
  sortClaims,
  type ClaimFilter,
  type ClaimSort,
} from './claims-table-model'
import { ClaimsExportButtons, ClaimsExportStatus, useClaimsExport } from './claims-export'
import { ClaimsFilters } from './claims-filters'
import { ClaimsTable } from './claims-table'
import { TableNotes, ViewHeader, type Scope } from './claims-view-header'
import { SourceSummaryTable } from './source-summary'
import { useDrawnTable } from './use-drawn-table'
import { ViewPanel, type ViewStore } from '../shell/view-tabs'
import type { ProjectRevision } from '../shell/project-revision'
import type { ClaimsFilterHint } from '../../../shared/overview/types'
import { claimsFilterOf } from '../overview/claims-filter'
import { plural } from '../common/plural'
import { useLatest } from '../common/use-latest'
import { useStoreSelect } from '../common/value-store'
import './claims.css'

interface ClaimsViewsProps {
  api: Api
  /** The view on screen; these panels load and show only for 'claims' and 'sources'. */
  views: ViewStore
  /** The document open in the article, for the "current document" scope. */
  currentDocument: { id: string; title: string } | null
  flush: () => Promise<boolean>
  /** The project's data revision: the tables load again when it changed since they were loaded. */
  revision: ProjectRevision
  /**
   * Opens a claim in the article, with the set it comes from shown there (`set`: an analyst id or
   * `gold`; null: the analyst's own).
   */
  onOpenClaim: (row: ClaimRow, set: string | null) => void
  onOpenDocument: (docId: string) => void
  /** The working analyst and the project's annotation sets, for the Annotations chooser. */
  analyst: { id: string; name: string }
  analysts: readonly AnalystInfo[]
  /** A filter and scope to apply (a chart's bar from the Overview); a new `seq` applies again. */
  filterRequest?: { filter: ClaimsFilterHint; docId: string | null; seq: number } | null
}

/** The Claims and Sources tab panels. */
export function ClaimsViews(props: ClaimsViewsProps) {
  const { api, views, currentDocument, flush } = props
  const active = useStoreSelect(views, (v) => v === 'claims' || v === 'sources')
  const [scope, setScope] = useState<Scope>('project')
  const request = props.filterRequest
  const [appliedScope, setAppliedScope] = useState(0)
  if (request && request.seq !== appliedScope) {
    setAppliedScope(request.seq)
    setScope(request.docId ? 'document' : 'project')
  }
  const docId = scope === 'document' && currentDocument ? currentDocument.id : null
  const { whose, setWhose, others, hasGold, names, setOf } = useWhose(props.analyst, props.analysts)
  const { state, reload } = useClaimsTable(api, flush, docId, active, props.revision, whose)
  const table = shownTable(state)
  const openClaim = useOpenClaim(props.onOpenClaim, setOf)

  const header = (title: string, count: string | null, catchingUp: boolean) => (
    <ViewHeader
      title={title}
      count={count}
      scope={scope}
      onScope={setScope}
      currentDocument={currentDocument}
      loading={state.kind === 'loading' || catchingUp}
      onRefresh={() => void reload()}
      whose={whose}
      onWhose={setWhose}
      sets={others}
      hasGold={hasGold}
    />
  )
  const notes = (
    <TableNotes
      error={state.kind === 'error' ? state.message : null}
      unsaved={state.kind === 'ready' && state.unsaved}
      problems={table?.problems ?? []}
    />
  )

  return (
    <>
      <ViewPanel view="claims" views={views} className="claims-view">
        <ClaimsPanel
          table={table}
          header={header}
          notes={notes}
          api={api}
          docId={docId}
          flush={flush}
          onOpenClaim={openClaim}
          request={request ?? null}
          whose={whose}
          names={names}
        />
      </ViewPanel>
      <ViewPanel view="sources" views={views} className="claims-view">
        <SourcesPanel
          table={table}
          header={header}
          notes={notes}
          analystNames={whose === 'all' ? names : null}
          onOpenDocument={props.onOpenDocument}
        />
      </ViewPanel>
    </>
  )
}

interface SourcesPanelProps {
  table: ClaimsTableResult | null
  header: (title: string, count: string | null, catchingUp: boolean) => ReactNode
  notes: ReactNode
  analystNames: ReadonlyMap<string, string> | null
  onOpenDocument: (docId: string) => void
}

/** The per-source summary of the table (drawn after the frame that shows it: use-drawn-table.ts). */
function SourcesPanel({ table, header, notes, analystNames, onOpenDocument }: SourcesPanelProps) {
  const { drawn, catchingUp } = useDrawnTable(table)
  const scroller = useRef<HTMLDivElement>(null)
  // Counted once per table, not on every render (a view switch re-renders these panels).
  const unsourced = useMemo(() => drawn?.rows.filter((r) => !r.sources.length).length ?? 0, [drawn])
  return (
    <>
      {header('Sources', drawn ? plural(drawn.summaries.length, 'source') : null, catchingUp)}
      {notes}
      <div className="claims-scroll" ref={scroller} aria-busy={catchingUp || undefined}>
        {drawn && drawn.summaries.length > 0 ? (
          <SourceSummaryTable
            scroller={scroller}
            analystNames={analystNames}
            summaries={drawn.summaries}
            unsourced={unsourced}
            onOpenDocument={onOpenDocument}
          />
        ) : (
          drawn && (
            <p className="claims-empty muted">
              No claim is linked to a source yet. Link claims to their sources in the article.
            </p>
          )
        )}
      </div>
    </>
  )
}

interface ClaimsPanelProps {
  table: ClaimsTableResult | null
  header: (title: string, count: string | null, catchingUp: boolean) => ReactNode
  notes: ReactNode
  api: Api
  docId: string | null
  flush: () => Promise<boolean>
  onOpenClaim: (row: ClaimRow) => void
  request: { filter: ClaimsFilterHint; seq: number } | null
  whose: ClaimsSets
  names: ReadonlyMap<string, string>
}

/** The claims table with its filters and export (drawn after the frame that shows it). */
function ClaimsPanel({
  table: latest,
  header,
  notes,
  api,
  docId,
  flush,
  onOpenClaim,
  request,
  whose,
  names,
}: ClaimsPanelProps) {
  const [filter, setFilter] = useState<ClaimFilter>(EMPTY_FILTER)
  const [applied, setApplied] = useState(0)
  if (request && request.seq !== applied) {
    setApplied(request.seq)
    setFilter(claimsFilterOf(request.filter))
  }
  const [sort, setSort] = useState<ClaimSort>(null)
  const { drawn: table, catchingUp } = useDrawnTable(latest)
  // Typing stays responsive over thousands of rows: the table catches up with the search box.
  const deferredFilter = useDeferredValue(filter)
  const rows = useMemo(() => table?.rows ?? [], [table])
  const options = useMemo(() => filterOptions(rows), [rows])
  const visible = useMemo(
    () => sortClaims(filterClaims(rows, deferredFilter), sort),
    [rows, deferredFilter, sort],
  )
  const exporter = useClaimsExport({ api, docId, flush, sets: whose })
  const scroller = useRef<HTMLDivElement>(null)
  const documents = useMemo(() => new Set(rows.map((r) => r.documentId)).size, [rows])
  const count = table
    ? visible.length === rows.length
      ? plural(rows.length, 'claim')
      : `${visible.length} of ${plural(rows.length, 'claim')}`
    : null

  return (
    <>
      {header('Claims', count, catchingUp)}
      <div className="claims-toolbar">
        <ClaimsFilters
          filter={filter}
          options={options}
          oneDocument={docId !== null || documents <= 1}
          onChange={setFilter}
        />
        <ClaimsExportButtons exporter={exporter} />
      </div>
      <ClaimsExportStatus state={exporter.state} />
      {notes}
      <div className="claims-scroll" ref={scroller} aria-busy={catchingUp || undefined}>
        {table &&
          (rows.length === 0 ? (
            <p className="claims-empty muted">
              No claims yet. Tag claims in the article (select text, then press the Claim key).
            </p>
          ) : visible.length === 0 ? (
            <p className="claims-empty muted">No claim matches these filters.</p>
          ) : (
            <ClaimsTable
              rows={visible}
              sort={sort}
              onSort={(column) => setSort((s) => nextSort(s, column))}
              onOpen={onOpenClaim}
              scroller={scroller}
              byAnalyst={whose === 'all'}
              analystNames={names}
            />
          ))}
      </div>
    </>
  )
}

/**
 * Opens a row's claim with the set it comes from, as one function for the view's life: the table's
 * memoised rows then skip the re-renders of this view.
 */
function useOpenClaim(
  onOpenClaim: (row: ClaimRow, set: string | null) => void,
  setOf: (row: ClaimRow) => string | null,
) {
  const latest = useLatest({ onOpenClaim, setOf })
  const [open] = useState(() => (row: ClaimRow) => {
    const current = latest.current
    current.onOpenClaim(row, current.setOf(row))
  })
  return open
}

/** The table on show (the previous one while a reload runs). */
function shownTable(state: ClaimsTableState): ClaimsTableResult | null {
  return state.kind === 'ready' ? state.table : state.kind === 'loading' ? state.previous : null
}

/**
 * Whose claims the views show (the analyst's own by default), the sets to choose from, the names
 * of the sets, and the set a row comes from (null: the analyst's own).
 */
function useWhose(analyst: { id: string; name: string }, analysts: readonly AnalystInfo[]) {
  const [whose, setWhose] = useState<ClaimsSets>('mine')
  const others = otherSetsThan(analysts, analyst.id)
  const hasGold = goldSetOf(analysts) !== undefined
  const names = useMemo(
    () =>
      new Map([
        ...analysts.map((a): [string, string] => [a.id, a.name]),
        [analyst.id, analyst.name],
        [GOLD_SET, 'Gold set'],
      ]),
    [analysts, analyst],
  )
  const setOf = (row: ClaimRow): string | null => {
    const set =
      whose === 'all'
        ? (row.analyst ?? null)
        : whose === 'gold'
          ? GOLD_SET
          : typeof whose === 'object'
            ? whose.analyst
            : null
    return set === analyst.id ? null : set
  }
  return { whose, setWhose, others, hasGold, names, setOf }
}
