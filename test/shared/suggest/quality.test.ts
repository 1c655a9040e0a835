// The quality targets (issue 13), held on the gold articles that are not the sample: the
// engine is deterministic, so a rule change that drops a score below a target fails here rather
// than in a report. Scores are those `npm run eval:suggest` prints (overlap match; a source must
// also hang off the right cue).
import { describe, expect, it } from 'vitest'
import { evaluateGold } from '../../../scripts/suggest/evaluate'
import type { Counts } from '../../../scripts/suggest/score'
import { prf } from '../../../scripts/suggest/score'
import { GOLD_TEXTS } from '../../fixtures/suggest/gold'

const TARGETS = {
  cues: { p: 0.95, r: 0.9 },
  quotes: { p: 0.95, r: 0.95 },
  sources: { p: 0.85, r: 0.8 },
} as const
const LINKS_CORRECT = 0.8

const texts = GOLD_TEXTS.filter((t) => t.name !== 'russia-north-korea-alliance')

describe('suggestion quality on the gold articles (issue 13 targets)', () => {
  it('has at least three gold articles besides the sample, one held out', () => {
    expect(texts.length).toBeGreaterThanOrEqual(3)
    expect(texts.some((t) => t.heldOut)).toBe(true)
  })

  it('scores the sample with its own registry of actors (read from its change files)', async () => {
    // Rules and the registry only: every name found comes from the sample's entities.
    const { names } = await evaluateGold('russia-north-korea-alliance', false)
    expect(names.any.tp).toBeGreaterThan(5)
  })

  for (const { name, heldOut } of texts) {
    it(`${name}${heldOut ? ' (held out)' : ''} meets the targets per kind`, async () => {
      const { score } = await evaluateGold(name)
      const rounded = (c: Counts) => {
        const { p, r } = prf(c)
        return { p: Math.round(p * 100) / 100, r: Math.round(r * 100) / 100 }
      }
      for (const [kind, target] of Object.entries(TARGETS)) {
        const got = rounded(score[kind as keyof typeof TARGETS].overlap)
        expect.soft(got.p, `${kind} precision`).toBeGreaterThanOrEqual(target.p)
        expect.soft(got.r, `${kind} recall`).toBeGreaterThanOrEqual(target.r)
      }
      expect(score.links.correct / score.links.total, 'claim→source links').toBeGreaterThanOrEqual(
        LINKS_CORRECT,
      )
    })
  }
})
