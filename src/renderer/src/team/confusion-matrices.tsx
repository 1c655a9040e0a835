// The confusion matrix behind each Cohen's κ of the Agreement view: for every categorical
// judgement (a label, an attribute, a document label) and pair of analysts, how often the first
// analyst's category met the second's on the units both marked. Folded by default, one per
// judgement and pair, so the tables above stay short; link targets have none (their categories
// are span ids, see docs/AGREEMENT.md).
import type { AgreementSection, PairKappa } from '../../../shared/agreement'
import { categoricalRows } from './agreement-tables'

/** Every confusion matrix of the section, each in its own disclosure. */
export function ConfusionMatrices({ section }: { section: AgreementSection }) {
  const matrices = categoricalRows(section).flatMap((row) =>
    row.agreement.cohen
      .filter((k) => k.confusion && k.confusion.length > 0)
      .map((k) => ({ row, k, categories: row.agreement.categories })),
  )
  if (matrices.length === 0)
    return <p className="muted">No judgement with categories to compare.</p>
  return (
    <div className="confusion-list">
      {matrices.map(({ row, k, categories }) => (
        <details key={`${row.key}|${k.a}|${k.b}`} className="confusion">
          <summary>
            {row.what} · {row.detail}: {k.a} – {k.b}
          </summary>
          <Matrix k={k} categories={categories} caption={`${row.what} · ${row.detail}`} />
        </details>
      ))}
    </div>
  )
}

/** One matrix: rows are the first analyst's categories, columns the second's. */
function Matrix({
  k,
  categories,
  caption,
}: {
  k: PairKappa
  categories: string[]
  caption: string
}) {
  const confusion = k.confusion ?? []
  return (
    <table className="team-table confusion-table" aria-label={`Confusion matrix: ${caption}`}>
      <thead>
        <tr>
          <th scope="col">
            {k.a} ↓ · {k.b} →
          </th>
          {categories.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {categories.map((c, i) => (
          <tr key={c}>
            <th scope="row">{c}</th>
            {categories.map((d, j) => (
              <td key={d} className={i === j ? 'agree' : undefined}>
                {confusion[i]?.[j] ?? 0}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
