// `npm run eval:suggest`: runs the suggestion engine on the gold articles (test/fixtures/suggest)
// and prints precision, recall and F1 per kind and text, exact and overlap match, with the
// held-out text reported apart from the texts the rules were developed on. `--errors` lists what
// is missed and what is spurious.
import { readFileSync } from 'node:fs'
import { defaultSchema } from '../src/shared/default-schema'
import type { Entity } from '../src/shared/model'
import { suggest } from '../src/shared/suggest'
import { GOLD_TEXTS, loadGold } from '../test/fixtures/suggest/gold'
import type { DocScore, KindScore } from './suggest/score'
import { add, prf, scoreDoc } from './suggest/score'

const showErrors = process.argv.includes('--errors')
const sample = JSON.parse(
  readFileSync(new URL('../resources/sample-project/project.json', import.meta.url), 'utf8'),
) as { entities: Entity[] }

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

function print(title: string, scores: DocScore[]): void {
  console.log(title)
  for (const k of KINDS) console.log(row(k, sum(scores, k)))
  const c = scores.reduce((a, s) => a + s.links.correct, 0)
  const t = scores.reduce((a, s) => a + s.links.total, 0)
  console.log(`  claim→source links correct: ${c}/${t} = ${pct(t ? c / t : 1)}`)
}

const schema = defaultSchema()
const findNames = undefined
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7)
const dev: DocScore[] = []
const heldOut: DocScore[] = []
for (const { name, heldOut: held } of GOLD_TEXTS) {
  if (only && !only.split(',').includes(name)) continue
  const doc = loadGold(name)
  const entities = name === 'russia-north-korea-alliance' ? sample.entities : []
  const suggestions = suggest(
    { text: doc.text, blocks: doc.blocks, schema, entities },
    { findNames },
  )
  const score = scoreDoc(doc, suggestions)
  ;(held ? heldOut : dev).push(score)
  print(`${name}${held ? ' (held out)' : ''}`, [score])
  if (showErrors) {
    for (const k of KINDS) {
      for (const m of score[k].missed) console.log(`    missed ${k}: ${m}`)
      for (const m of score[k].spurious) console.log(`    spurious ${k}: ${m}`)
    }
    for (const w of score.links.wrong) console.log(`    link: ${w}`)
  }
}
print('ALL DEVELOPMENT TEXTS', dev)
print('HELD OUT', heldOut)
print('ALL TEXTS', [...dev, ...heldOut])
