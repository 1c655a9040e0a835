// The views of an open project, stacked: the article workbench (documents, article, annotation
// panel), the claims and sources tables, the Overview, the team's agreement and curation, and the
// source registry dialog over them. Only the article is in the start-up script: the other views and
// the dialogs come in chunks of their own after the first screen (split-code.ts).
import { useState, type ReactNode } from 'react'
import type { ProjectSnapshot } from '../../../shared/ipc-contract'
import type { ClaimsFilterHint } from '../../../shared/overview/types'
import type { AnnotationSchema } from '../../../shared/model'
import { ArticlePane } from '../article/article-pane'
import { Later, type LaterCode } from '../common/later-code'
import { OverviewPanel } from '../overview/overview-panel'
import { SetPicker } from '../team/set-picker'
import { ArticleSidePanel, CurrentRegistryDialog } from './article-side-panel'
import { NotLoaded } from './code-failures'
import { DocumentList } from './document-list'
import { LaterDialog } from './later-dialog'
import { claimsCode, teamCode } from './split-code'
import type { ShellState } from './use-shell-state'
import { EmptyViewPanel, ViewPanel, type AppView } from './view-tabs'
import { Workbench } from './workbench'

interface ProjectViewsProps {
  s: ShellState
  snapshot: ProjectSnapshot
  schema: AnnotationSchema
}

/** A chart's bar shown in the Claims table: its filter and scope, numbered (see ProjectViews). */
interface ClaimsRequest {
  filter: ClaimsFilterHint
  docId: string | null
  seq: number
}

/** The open project's views; the one in `s.views` is shown. */
export function ProjectViews({ s, snapshot, schema }: ProjectViewsProps) {
  const { api, doc, toClaim } = s
  // A chart's bar shown in the Claims table: the filter and scope it asks for, numbered so the
  // same bar clicked twice applies again.
  const [claimsRequest, setClaimsRequest] = useState<ClaimsRequest | null>(null)
  const report = s.reportDialog
  const currentDocument = doc.file
    ? { id: doc.file.document.id, title: doc.file.document.title }
    : null
  // The `void` actions below never reject: each shows a failed save or load as a notice.
  return (
    // The views are the page's main content; inside the article view the documents list is a
    // navigation landmark and the article and the panel are named regions (axe: a landmark such
    // as complementary must not sit inside main, and no content may sit outside a landmark).
    <main className="view-stack">
      <ViewPanel view="article" views={s.views}>
        <ArticleWorkbench s={s} snapshot={snapshot} schema={schema} />
      </ViewPanel>
      <LaterClaimsViews
        s={s}
        snapshot={snapshot}
        currentDocument={currentDocument}
        filterRequest={claimsRequest}
      />
      <SplitViews s={s} code={teamCode} views={['agreement', 'curation']} className="team-view">
        {({ TeamViews }) => <TeamViews s={s} snapshot={snapshot} />}
      </SplitViews>
      <OverviewPanel
        key={`overview:${snapshot.path}`}
        views={s.views}
        api={api}
        currentDocument={currentDocument}
        flush={doc.flush}
        revision={s.revision}
        onOpenSpan={(docId, spanId) => void toClaim.openClaim(docId, spanId)}
        onShowClaims={(filter, docId) => {
          setClaimsRequest((r) => ({ filter, docId, seq: (r?.seq ?? 0) + 1 }))
          s.showView('claims')
        }}
        onExportReport={(docId) => s.setReportDialog({ docId })}
      />
      {report && (
        <LaterDialog name="Export Report" onClose={() => s.setReportDialog(null)}>
          {({ ReportDialog }) => (
            <ReportDialog
              api={api}
              flush={doc.flush}
              currentDocument={currentDocument}
              initialDocId={report.docId}
              onClose={() => s.setReportDialog(null)}
            />
          )}
        </LaterDialog>
      )}
      {schema && (
        <CurrentRegistryDialog
          registry={s.registry}
          schema={schema}
          annotations={doc.annotations}
        />
      )}
    </main>
  )
}

/** The Claims and Sources views, once their code is in (split-code.ts). */
function LaterClaimsViews({
  s,
  snapshot,
  currentDocument,
  filterRequest,
}: {
  s: ShellState
  snapshot: ProjectSnapshot
  currentDocument: { id: string; title: string } | null
  filterRequest: ClaimsRequest | null
}) {
  const { api, doc, toClaim } = s
  return (
    <SplitViews s={s} code={claimsCode} views={['claims', 'sources']} className="claims-view">
      {({ ClaimsViews }) => (
        <ClaimsViews
          key={snapshot.path}
          api={api}
          views={s.views}
          currentDocument={currentDocument}
          flush={doc.flush}
          revision={s.revision}
          analyst={snapshot.analyst}
          analysts={snapshot.analysts}
          onOpenClaim={(row, set) => void openClaimOf(s, row.documentId, row.claimId, set)}
          onOpenDocument={(id) => void toClaim.openDocument(id)}
          filterRequest={filterRequest}
        />
      )}
    </SplitViews>
  )
}

/**
 * Views whose code is split off (split-code.ts): while it is not in, their panels are there empty
 * and hidden (their tabs' `aria-controls` name them); if it could not be loaded, a switch to one
 * still shows it (the tab is not dead), saying so, while the shell's notice names the file.
 */
function SplitViews<M>({
  s,
  code,
  views,
  className,
  children,
}: {
  s: ShellState
  code: LaterCode<M>
  views: AppView[]
  className: string
  children: (module: M) => ReactNode
}) {
  return (
    <Later
      code={code}
      load={false}
      fallback={views.map((view) => (
        <EmptyViewPanel key={view} view={view} className={className} />
      ))}
      failed={views.map((view) => (
        <ViewPanel key={view} view={view} views={s.views} className={className}>
          <NotLoaded what="This view" />
        </ViewPanel>
      ))}
    >
      {children}
    </Later>
  )
}

/** The article view: the documents list, the article and the annotation panel side by side. */
function ArticleWorkbench({ s, snapshot, schema }: ProjectViewsProps) {
  const { doc, nav, article, registry, shownSet } = s
  const { actions, linking } = article
  // Another analyst's set, the gold set or an overlay: shown read-only, never saved as one's own.
  const other = shownSet.choice.kind === 'mine' ? null : shownSet.shown
  const otherLoading = shownSet.choice.kind !== 'mine' && !other
  const file = other ? other.file : otherLoading ? null : doc.file
  const shownSchema = other?.compare?.schema ?? schema
  const readOnly = snapshot.readOnly ?? other?.readOnly ?? null
  const picker = <SetPicker snapshot={snapshot} shownSet={shownSet} />
  // The `void` actions below never reject: each shows a failed save or import as a notice.
  return (
    <Workbench
      documents={
        <DocumentList
          documents={snapshot.documents}
          saved={s.project.saved}
          problems={snapshot.problems}
          currentId={doc.docId}
          onOpen={(id) => void nav.openDocument(id)}
          onImport={() => void s.transfers.importWithDialog()}
        />
      }
      article={
        <ArticlePane
          file={file}
          loading={doc.loading || (otherLoading && shownSet.state.kind === 'loading')}
          loadError={
            doc.loadError ?? (shownSet.state.kind === 'error' ? shownSet.state.message : null)
          }
          schema={shownSchema}
          editorRef={actions.editor}
          palette={article.palette}
          readOnly={readOnly}
          hint={article.hint}
          onDismissHint={article.dismissHint}
          onChange={other ? ignoreChange : doc.changed}
          onSelect={doc.select}
          onTextSelection={article.onTextSelection}
          onTag={actions.tag}
          onOpenUrl={article.openUrl}
          linking={linking}
          onOpenRegistry={registry.openManager}
          onOpenSchema={() => s.setEditingSchema(true)}
          suggestions={other ? undefined : s.suggestions}
          banner={doc.file ? picker : undefined}
          editorKey={other ? `${other.docId}:${other.key}` : undefined}
        />
      }
      panel={<ArticleSidePanel s={s} schema={shownSchema} other={other} readOnly={readOnly} />}
    />
  )
}

/** Opens a claim in the article with the set it comes from (null: the analyst's own) shown. */
async function openClaimOf(s: ShellState, docId: string, spanId: string, set: string | null) {
  const { choice, choose } = s.shownSet
  const wanted = set === null ? null : set
  if (wanted === null && choice.kind !== 'mine') await choose({ kind: 'mine' })
  if (wanted !== null && !(choice.kind === 'set' && choice.set === wanted)) {
    await choose({ kind: 'set', set: wanted })
  }
  await s.toClaim.openClaim(docId, spanId)
}

/** The editor's changes while another set is shown: never saved (that set is not the analyst's). */
function ignoreChange(): void {}
