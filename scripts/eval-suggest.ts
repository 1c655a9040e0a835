// `npm run eval:suggest`: runs the suggestion engine on the gold articles (test/fixtures/suggest)
// and prints precision, recall and F1 per kind and text, exact and overlap match, with the
// held-out text reported apart from the texts the rules were developed on. `--errors` lists what
// is missed and what is spurious.
import { GOLD_TEXTS } from '../test/fixtures/suggest/gold'
import type { Evaluation } from './suggest/evaluate'
import { evaluateGold } from './suggest/evaluate'
import type { Counts, DocScore, KindScore } from './suggest/score'
import { add, prf } from './suggest/score'

const showErrors = process.argv.includes('--errors')
// --no-nlp: rules and the registry only (no compromise names, no sentiment lexicon), to compare.
const nlp = !process.argv.includes('--no-nlp')

const KINDS = ['cues', 'quotes', 'sources', 'claims'] as const
const pct = (x: number) => x.toFixed(2)

function row(label: string, k: KindScore): string {
  const e = prf(k.exact)
  const o = prf(k.overlap)
  const n = k.overlap.tp + k.overlap.fn
  return `  ${label.padEnd(8)} gold ${String(n).padStart(3)}  exact P ${pct(e.p)} R ${pct(e.r)} F1 ${pct(e.f)}   overlap P ${pct(o.p)} R ${pct(o.r)} F1 ${pct(o.f)}`
}

function sum(scores: DocScore[], kind: (typeof KINDS)[number]): KindScore {
  const zero = { tp: 0, fp: 0, fn: 0 }
  return scores.reduce<KindScore>(
    (acc, s) => ({
      exact: add(acc.exact, s[kind].exact),
      overlap: add(acc.overlap, s[kind].overlap),
      missed: [],
      spurious: [],
    }),
    { exact: zero, overlap: zero, missed: [], spurious: [] },
  )
}

function print(title: string, evals: Evaluation[]): void {
  const scores = evals.map((e) => e.score)
  console.log(title)
  for (const k of KINDS) console.log(row(k, sum(scores, k)))
  const c = scores.reduce((a, s) => a + s.links.correct, 0)
  const t = scores.reduce((a, s) => a + s.links.total, 0)
  console.log(`  claim→source links correct: ${c}/${t} = ${pct(t ? c / t : 1)}`)
  const zero: Counts = { tp: 0, fp: 0, fn: 0 }
  const typed = prf(evals.reduce((a, e) => add(a, e.names.typed), zero))
  const any = prf(evals.reduce((a, e) => add(a, e.names.any), zero))
  const gold = evals.reduce((a, e) => a + e.names.any.tp + e.names.any.fn, 0)
  console.log(
    `  names    gold ${String(gold).padStart(3)}  typed P ${pct(typed.p)} R ${pct(typed.r)} F1 ${pct(typed.f)}   ` +
      `untyped P ${pct(any.p)} R ${pct(any.r)} (compromise by paragraph, and the registry)`,
  )
  const count = (kind: string) =>
    evals.reduce((a, e) => a + e.suggestions.filter((s) => s.kind === kind).length, 0)
  console.log(`  proposed: ${count('name')} other names, ${count('sentiment')} sentiment phrases`)
}

/**
 * Keystrokes to annotate every attribution, under a simple model. Without suggestions: a span is
 * a selection and a layer key (2), a link is L and a pick (2); a gold claim has a cue → claim and a
 * claim → source link per source. With suggestions: each proposal is reached with one key and
 * accepted (Enter) or rejected (X) — 2 keys — and an accepted one brings its links; a span with
 * wrong bounds costs one more selection; a missed span costs what it costs by hand; a claim whose
 * proposed source link is wrong costs a link by hand (2).
 */
function keystrokes(s: DocScore): string {
  let without = 0
  let withS = 0
  for (const k of KINDS) {
    const o = s[k].overlap
    const e = s[k].exact
    const gold = o.tp + o.fn
    without += 2 * gold
    withS += 2 * o.tp + (o.tp - e.tp) + 2 * o.fp + 2 * o.fn
  }
  // quotes that are claims are counted once, as claims: take the quote rows out again
  without -= 2 * (s.quotes.overlap.tp + s.quotes.overlap.fn)
  withS -=
    2 * s.quotes.overlap.tp +
    (s.quotes.overlap.tp - s.quotes.exact.tp) +
    2 * s.quotes.overlap.fp +
    2 * s.quotes.overlap.fn
  const links = 2 * s.links.total // cue → claim and claim → source, per gold claim
  without += 2 * links
  withS += 2 * 2 * (s.links.total - s.links.correct)
  return `without suggestions ${without}, with ${withS} (${(withS / without).toFixed(2)} of the keys)`
}
const keystrokeRows: [string, string][] = []

const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7)
const dev: Evaluation[] = []
const heldOut: Evaluation[] = []
for (const { name, heldOut: held } of GOLD_TEXTS) {
  if (only && !only.split(',').includes(name)) continue
  const evaluation = await evaluateGold(name, nlp)
  const { score } = evaluation
  ;(held ? heldOut : dev).push(evaluation)
  keystrokeRows.push([name, keystrokes(score)])
  print(`${name}${held ? ' (held out)' : ''}`, [evaluation])
  if (showErrors) {
    for (const k of KINDS) {
      for (const m of score[k].missed) console.log(`    missed ${k}: ${m}`)
      for (const m of score[k].spurious) console.log(`    spurious ${k}: ${m}`)
    }
    for (const w of score.links.wrong) console.log(`    link: ${w}`)
  }
}
print('ALL DEVELOPMENT TEXTS', dev)
for (const [name, score] of keystrokeRows) console.log(`keystrokes ${name}: ${score}`)
print('HELD OUT', heldOut)
print('ALL TEXTS', [...dev, ...heldOut])
