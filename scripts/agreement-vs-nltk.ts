// Prints our agreement coefficients next to NLTK's AnnotationTask on the same triples, as a
// Markdown table: the generated and textbook data sets of the NLTK test, the degenerate cases,
// and the units of a generated project's report. Needs Debian's python3-nltk.
// Run: `npx tsx scripts/agreement-vs-nltk.ts`.
import { GENERATED, TEXTBOOK } from '../test/shared/agreement/datasets'
import {
  checked,
  compareWithNltk,
  degenerateAlpha,
  reportBlocks,
  reportProject,
  varies,
  type Comparison,
} from '../test/shared/agreement/nltk-compare'

const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(6))

function print(rows: readonly Comparison[]): void {
  console.log('| data set | statistic | NLTK call | ours | NLTK | published | |')
  console.log('|---|---|---|---|---|---|---|')
  for (const r of rows) {
    const nltk = r.nltkError ? r.nltkError.split(':')[0] : fmt(r.nltk)
    const mark = r.relation === 'equal' ? '=' : r.relation === 'differs' ? '≠' : 'NLTK fails'
    console.log(
      `| ${r.dataset} | ${r.statistic} | ${fmt(r.ours)} | ${nltk} | ${r.published === undefined ? '' : r.published.toFixed(3)} | ${mark}${r.note ? ` (${r.note})` : ''} |`,
    )
  }
}

const rows = [
  ...compareWithNltk([...GENERATED, ...TEXTBOOK].map(checked)),
  ...degenerateAlpha(),
  ...compareWithNltk(reportBlocks(reportProject().report).filter(varies)).filter(
    (r) => !r.statistic.startsWith('Davies'),
  ),
]
print(rows)
const equal = rows.filter((r) => r.relation === 'equal' && r.ours !== null && r.nltk !== null)
const worst = Math.max(...equal.map((r) => Math.abs(r.ours! - r.nltk!)))
console.log(
  `\n${equal.length} statistics compared as equal; largest difference ${worst.toExponential(2)}`,
)
