// Prints our agreement coefficients next to NLTK's AnnotationTask on the same triples, as a
// Markdown table: the generated and textbook data sets of the NLTK test, the degenerate cases,
// and the units of a generated project's report. Needs Debian's python3-nltk.
// Run: `npx tsx scripts/agreement-vs-nltk.ts`.
import { computeAgreement, type CategoricalAgreement } from '../src/shared/agreement'
import { GENERATED, TEXTBOOK } from '../test/shared/agreement/datasets'
import { generateProject, multiLabelSchema } from '../test/shared/agreement/generate'
import {
  checked,
  compareWithNltk,
  degenerateAlpha,
  type Checked,
  type Comparison,
} from '../test/shared/agreement/nltk-compare'

const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(6))

function reportBlocks(): Checked[] {
  const schema = multiLabelSchema()
  const documents = generateProject({ documents: 6, analysts: 3, spans: 24, seed: 11, schema })
  const sets = { ...documents[2].sets }
  delete (sets as Record<string, unknown>).ben
  documents[2] = { ...documents[2], sets }
  const report = computeAgreement({ schema, documents }, { includeUnits: true })
  const blocks: [string, CategoricalAgreement, 'nominal' | 'interval'][] = [
    ...report.project.layers.flatMap((l) => [
      [`R: ${l.layer} labels`, l.labelAgreement, 'nominal'] as [
        string,
        CategoricalAgreement,
        'nominal',
      ],
      ...l.attributes.map(
        (a) =>
          [`R: ${l.layer}.${a.attribute}`, a, a.metric] as [
            string,
            CategoricalAgreement,
            'nominal' | 'interval',
          ],
      ),
    ]),
    ...report.project.relations.flatMap((r) => [
      [`R: ${r.type} links`, r.links, 'nominal'] as [string, CategoricalAgreement, 'nominal'],
      ...r.attributes.map(
        (a) =>
          [`R: ${r.type}.${a.attribute}`, a, a.metric] as [
            string,
            CategoricalAgreement,
            'nominal' | 'interval',
          ],
      ),
    ]),
    ...report.project.docLabels.map(
      (d) =>
        [`R: doc label ${d.labelSet}`, d.agreement, 'nominal'] as [
          string,
          CategoricalAgreement,
          'nominal',
        ],
    ),
  ]
  return blocks
    .filter(([, b]) => new Set(b.data!.map((t) => t.value)).size > 1)
    .map(([name, ours, metric]) => ({
      name,
      coders: report.analysts,
      data: ours.data!,
      metric,
      ours,
    }))
}

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
  ...compareWithNltk(reportBlocks()).filter((r) => !r.statistic.startsWith('Davies')),
]
print(rows)
const equal = rows.filter((r) => r.relation === 'equal' && r.ours !== null && r.nltk !== null)
const worst = Math.max(...equal.map((r) => Math.abs(r.ours! - r.nltk!)))
console.log(
  `\n${equal.length} statistics compared as equal; largest difference ${worst.toExponential(2)}`,
)
