// The team's views in the open project's stack: Agreement and Curation, with the way from a
// disagreement to the article.
import type { ProjectSnapshot } from '../../../shared/ipc-contract'
import type { ShellState } from '../shell/use-shell-state'
import { AgreementView } from './agreement-view'
import { CurationView } from './curation-view'
import { useDisagreementNavigation } from './use-disagreement-navigation'

export function TeamViews({ s, snapshot }: { s: ShellState; snapshot: ProjectSnapshot }) {
  const { api, doc } = s
  const toDisagreement = useDisagreementNavigation(
    api,
    snapshot.analyst.id,
    s.toClaim,
    s.shownSet.choose,
  )
  return (
    <>
      <AgreementView
        api={api}
        views={s.views}
        snapshot={snapshot}
        revision={s.revision}
        flush={doc.flush}
        onOpen={(d) => void toDisagreement(d)}
        onNotice={s.setNotice}
      />
      <CurationView
        api={api}
        views={s.views}
        snapshot={snapshot}
        revision={s.revision}
        currentDocId={doc.docId}
        flush={doc.flush}
        onNotice={s.setNotice}
      />
    </>
  )
}
