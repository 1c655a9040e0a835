// An export's manifest as the user reads it after exporting: where it went, the format and its
// version, the offset unit (the first thing a Python user must know), the counts, and — each in its
// own table or list so none is missed — what the format could not hold and the problems.
import type { ExportResult } from '../../../shared/ipc-contract'

/** Says in words what an offset unit means for a reader of the file. */
export function offsetUnitText(unit: 'utf16' | 'codepoint'): string {
  return unit === 'utf16'
    ? 'UTF-16 code units (JavaScript string indices)'
    : 'Unicode code points (Python text[start:end])'
}

/** The manifest of a finished export. */
export function ManifestView({ result }: { result: ExportResult }) {
  const { manifest, path } = result
  const { counts, losses, problems } = manifest
  return (
    <div className="manifest">
      <p>
        Wrote <code className="path">{path}</code>
      </p>
      <dl className="counts" aria-label="Manifest">
        <div>
          <dt>Format</dt>
          <dd>
            {manifest.format} <span className="muted">version {manifest.formatVersion}</span>
          </dd>
        </div>
        <div>
          <dt>Documents</dt>
          <dd>{counts.documents}</dd>
        </div>
        <div>
          <dt>Spans</dt>
          <dd>{counts.spans}</dd>
        </div>
        <div>
          <dt>Relations</dt>
          <dd>{counts.relations}</dd>
        </div>
        <div className="wide">
          <dt>Offsets</dt>
          <dd>{offsetUnitText(manifest.offsetUnit)}</dd>
        </div>
      </dl>
      <section aria-label="Not carried by this format">
        <h3>Not carried by this format</h3>
        {losses.length === 0 ? (
          <p className="muted">Nothing: the format holds everything that was exported.</p>
        ) : (
          <table className="report-table">
            <thead>
              <tr>
                <th scope="col">What</th>
                <th scope="col" className="num">
                  Count
                </th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {losses.map((l) => (
                <tr key={l.what}>
                  <td>{l.what}</td>
                  <td className="num">{l.count}</td>
                  <td className="muted">{l.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {problems.length === 0 && (
        <section aria-label="Problems">
          <h3>Problems</h3>
          <p className="muted">None: every document was read and every span checked.</p>
        </section>
      )}
      {problems.length > 0 && (
        <section aria-label="Problems" role="alert">
          <h3>Problems ({problems.length})</h3>
          <ul className="report-list error-list">
            {problems.map((p, i) => (
              <li key={`${p.file}-${i}`}>
                <strong>{p.file}</strong>: {p.message}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}
