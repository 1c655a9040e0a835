// The disagreement list: every place the analysts differ, each analyst's version side by side,
// and a button that opens the article at the spans.
import type { Disagreement, DisagreementVersion } from '../../../shared/agreement'

/** How many rows the list shows at once (the report files hold them all). */
export const LIST_LIMIT = 300

const KIND_NAMES: Record<Disagreement['kind'], string> = {
  missing: 'missing',
  boundary: 'boundaries',
  label: 'label',
  attribute: 'attribute',
  link: 'link',
  'relation-attribute': 'link attribute',
  'doc-label': 'document label',
}

/** What one analyst has there, in a few words. */
export function versionText(v: DisagreementVersion): string {
  const text = v.spans.map((s) => `“${s.text}”`).join(' + ')
  if (v.value === null) return text || '(nothing)'
  return text && v.value !== v.spans[0]?.text ? `${text}: ${v.value}` : v.value
}

/** The kind of a disagreement, with its attribute or relation type. */
export function kindText(d: Disagreement): string {
  const detail = d.attribute ?? d.relationType ?? d.labelSet
  return detail ? `${KIND_NAMES[d.kind]} (${detail})` : KIND_NAMES[d.kind]
}

interface DisagreementListProps {
  disagreements: readonly Disagreement[]
  analysts: readonly string[]
  titles: ReadonlyMap<string, string>
  /** Layer names by id, for the Layer column. */
  layerNames: ReadonlyMap<string, string>
  onOpen: (d: Disagreement) => void
}

export function DisagreementList({
  disagreements,
  analysts,
  titles,
  layerNames,
  onOpen,
}: DisagreementListProps) {
  const shown = disagreements.slice(0, LIST_LIMIT)
  return (
    <>
      <table className="team-table disagreements" aria-label="Disagreements">
        <thead>
          <tr>
            <th scope="col">Document</th>
            <th scope="col">Kind</th>
            <th scope="col">Layer</th>
            {analysts.map((a) => (
              <th scope="col" key={a}>
                {a}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">Open</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((d) => (
            <tr key={d.id} data-disagreement={d.id}>
              <td>{titles.get(d.documentId) ?? d.documentId}</td>
              <td>{kindText(d)}</td>
              <td>{d.layer ? (layerNames.get(d.layer) ?? d.layer) : ''}</td>
              {analysts.map((a) => {
                const v = d.versions.find((x) => x.analyst === a)
                return <td key={a}>{v ? versionText(v) : ''}</td>
              })}
              <td>
                {d.kind !== 'doc-label' && (
                  <button type="button" className="button small" onClick={() => onOpen(d)}>
                    Show
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {disagreements.length > shown.length && (
        <p className="muted">
          The first {LIST_LIMIT} of {disagreements.length} are listed; export the report for all.
        </p>
      )}
    </>
  )
}
