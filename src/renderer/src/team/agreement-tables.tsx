// The Agreement view's tables: span agreement per layer and label (F1 per pair, α_u), agreement on
// labels, attributes, links and document labels (Cohen's κ per pair, Fleiss' κ, Krippendorff's α,
// with the units counted), and relations. Numbers come from the engine as they are; an undefined
// coefficient shows "—" with the engine's reason as its tooltip.
import type {
  AgreementSection,
  CategoricalAgreement,
  F1Score,
  UnitizingResult,
} from '../../../shared/agreement'

/** A coefficient with three decimals, or — (with why, when the engine says). */
export function Num({ value, reason }: { value: number | null | undefined; reason?: string }) {
  if (value === null || value === undefined) {
    return <span title={reason ?? 'undefined'}>—</span>
  }
  return <>{value.toFixed(3)}</>
}

const f1 = (s: F1Score) => <Num value={s.f1} />
const alphaU = (u: UnitizingResult) => <Num value={u.value} reason={u.reason} />

/** Span agreement: one row per layer (and per label) and pair of analysts. */
export function SpanTable({ section }: { section: AgreementSection }) {
  return (
    <table className="team-table" aria-label="Span agreement">
      <thead>
        <tr>
          <th scope="col">Layer · label</th>
          <th scope="col">Pair</th>
          <th scope="col">Spans</th>
          <th scope="col">Exact F1</th>
          <th scope="col">Overlap F1</th>
          <th scope="col">α_u</th>
        </tr>
      </thead>
      <tbody>
        {section.layers.flatMap((layer) => [
          ...layer.spans.map((p) => (
            <tr key={`${layer.layer}|${p.a}|${p.b}`} className="layer-row">
              <th scope="row">{layer.name}</th>
              <td>
                {p.a} – {p.b}
              </td>
              <td>
                {p.exact.a} / {p.exact.b}
              </td>
              <td data-stat={`${layer.layer}:exact-f1`}>{f1(p.exact)}</td>
              <td data-stat={`${layer.layer}:overlap-f1`}>{f1(p.overlap)}</td>
              <td data-stat={`${layer.layer}:alpha-u`}>{alphaU(layer.alphaU)}</td>
            </tr>
          )),
          ...(layer.labels.length > 1 ? layer.labels : []).flatMap((label) =>
            label.pairs.map((p) => (
              <tr key={`${layer.layer}|${label.label}|${p.a}|${p.b}`}>
                <th scope="row" className="sub">
                  {label.label}
                </th>
                <td>
                  {p.a} – {p.b}
                </td>
                <td>
                  {p.exact.a} / {p.exact.b}
                </td>
                <td>{f1(p.exact)}</td>
                <td>{f1(p.overlap)}</td>
                <td>{alphaU(label.alphaU)}</td>
              </tr>
            )),
          ),
        ])}
      </tbody>
    </table>
  )
}

interface CategoricalRow {
  key: string
  what: string
  detail: string
  agreement: CategoricalAgreement
}

/** Every categorical judgement of the section: labels, attributes, links, document labels. */
export function categoricalRows(section: AgreementSection): CategoricalRow[] {
  const rows: CategoricalRow[] = []
  for (const layer of section.layers) {
    if (layer.labelAgreement.categories.length > 1) {
      rows.push({
        key: `${layer.layer}|label`,
        what: layer.name,
        detail: 'label',
        agreement: layer.labelAgreement,
      })
    }
    for (const a of layer.attributes) {
      rows.push({
        key: `${layer.layer}|${a.attribute}`,
        what: layer.name,
        detail: a.attribute,
        agreement: a,
      })
    }
  }
  for (const r of section.relations) {
    rows.push({ key: `${r.type}|links`, what: r.name, detail: 'link target', agreement: r.links })
    for (const a of r.attributes) {
      rows.push({
        key: `${r.type}|${a.attribute}`,
        what: r.name,
        detail: a.attribute,
        agreement: a,
      })
    }
  }
  for (const d of section.docLabels) {
    rows.push({
      key: `doc|${d.labelSet}`,
      what: d.name,
      detail: 'document label',
      agreement: d.agreement,
    })
  }
  return rows
}

/** Cohen's κ per pair, Fleiss' κ and Krippendorff's α on each categorical judgement. */
export function CategoricalTable({ section }: { section: AgreementSection }) {
  return (
    <table className="team-table" aria-label="Label and attribute agreement">
      <thead>
        <tr>
          <th scope="col">Layer · relation</th>
          <th scope="col">Judgement</th>
          <th scope="col">Units</th>
          <th scope="col">Cohen&apos;s κ</th>
          <th scope="col">Fleiss&apos; κ</th>
          <th scope="col">Krippendorff&apos;s α</th>
        </tr>
      </thead>
      <tbody>
        {categoricalRows(section).map(({ key, what, detail, agreement: c }) => (
          <tr key={key}>
            <th scope="row">{what}</th>
            <td>{detail}</td>
            <td>{c.units}</td>
            <td data-stat={`${key}:cohen`}>
              {c.cohen.length === 0
                ? '—'
                : c.cohen.map((k, i) => (
                    <span key={`${k.a}|${k.b}`}>
                      {i > 0 && ', '}
                      {c.cohen.length > 1 && `${k.a}–${k.b} `}
                      <Num value={k.value} reason={k.reason} />
                    </span>
                  ))}
            </td>
            <td data-stat={`${key}:fleiss`}>
              <Num value={c.fleiss.value} reason={c.fleiss.reason} />
            </td>
            <td data-stat={`${key}:alpha`}>
              <Num value={c.alpha.value} reason={c.alpha.reason} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
