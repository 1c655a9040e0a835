// Analysts' accept/reject decisions on cue suggestions, counted per analyst so that a team's counts
// add up. Why not in the schema: the schema's `suggestions` block is one value that the last
// writer wins (schema-changes.ts), so two analysts each writing their running totals there kept
// only the last one's. Here each analyst's app writes only its own file, `feedback/<analyst>.json`
// (like a set file: one writer, so syncing the folder never conflicts), and the lexicon is tuned
// from the sum of every analyst's file plus the counts a project recorded in its schema before
// (kept there as they were, never written again). The tuned cue switches still go through the
// schema (a change only when a switch flips); two analysts computing them from the same synced
// sums reach the same switches.
import path from 'node:path'
import { z } from 'zod'
import type { FeedbackCounts, LexiconChange } from '../../../shared/suggest/lexicon'
import { tuneLexicon } from '../../../shared/suggest/lexicon'
import { recordFeedback } from '../../../shared/suggest/feedback'
import { nodeFs, type ProjectStore } from '../storage'
import { readProjectJson } from '../storage/documents'
import { writeFileDurable } from '../storage/durable-write'
import { sameValue } from '../storage/schema-changes'

export const FEEDBACK_DIR = 'feedback'
const FEEDBACK_FORMAT = 'marginalia-cue-feedback'

const zCounts = z.record(
  z.string(),
  z.object({ accepted: z.number().int().nonnegative(), rejected: z.number().int().nonnegative() }),
)
const zFeedbackFile = z.object({
  format: z.literal(FEEDBACK_FORMAT),
  version: z.literal(1),
  set: z.string(),
  analyst: z.string(),
  counts: zCounts,
})

type Counts = Record<string, FeedbackCounts>

function fileOf(store: ProjectStore, set: string): string {
  return path.join(store.dir, FEEDBACK_DIR, `${set}.json`)
}

/** One analyst's counts (empty when they have none); throws naming a file that is not one. */
async function readCounts(store: ProjectStore, set: string): Promise<Counts> {
  const file = fileOf(store, set)
  const raw = await readProjectJson(nodeFs, file)
  if (raw === null) return {}
  const parsed = zFeedbackFile.safeParse(raw)
  if (!parsed.success || parsed.data.set !== set) {
    throw new Error(`${file}: not the cue feedback of analyst ${set}; fix or remove it`)
  }
  return parsed.data.counts
}

/** The analyst ids with a feedback file. */
async function feedbackSets(store: ProjectStore): Promise<string[]> {
  try {
    const names = await nodeFs.readdir(path.join(store.dir, FEEDBACK_DIR))
    return names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -'.json'.length))
  } catch {
    return []
  }
}

/** `parts` added up, phrase by phrase. */
export function sumCounts(parts: readonly Counts[]): Counts {
  const out: Counts = {}
  for (const part of parts) {
    for (const [phrase, c] of Object.entries(part)) {
      const t = (out[phrase] ??= { accepted: 0, rejected: 0 })
      t.accepted += c.accepted
      t.rejected += c.rejected
    }
  }
  return out
}

/** Every analyst's counts and the schema's earlier ones, added up (what the lexicon is tuned by). */
export async function teamFeedback(store: ProjectStore): Promise<Counts> {
  const parts: Counts[] = [store.project.schema.suggestions?.feedback ?? {}]
  for (const set of await feedbackSets(store)) parts.push(await readCounts(store, set))
  return sumCounts(parts)
}

/**
 * Adds the working analyst's `decisions` to their own feedback file, then tunes the lexicon from
 * the whole team's counts; writes the schema only when a cue is switched off or on.
 */
export async function recordAnalystFeedback(
  store: ProjectStore,
  decisions: readonly { phrase: string; accepted: boolean }[],
): Promise<LexiconChange[]> {
  if (store.readOnly) throw new Error(`the project is read-only: ${store.readOnly}`)
  const { id, name } = store.analyst
  const schema = store.project.schema
  const mine = await readCounts(store, id)
  // The shared rule for which phrases count (lexicon entries only, a cap on distinct phrases).
  const added = recordFeedback({ ...schema.suggestions, feedback: mine }, decisions).settings
  const file = fileOf(store, id)
  const content = {
    format: FEEDBACK_FORMAT,
    version: 1,
    set: id,
    analyst: name,
    counts: added.feedback,
  }
  await nodeFs.mkdir(path.dirname(file), { recursive: true })
  const tempDir = path.join(store.dir, '.marginalia', 'tmp')
  await writeFileDurable(file, `${JSON.stringify(content, null, 2)}\n`, nodeFs, tempDir)
  const tuned = tuneLexicon(schema.suggestions, await teamFeedback(store))
  const next = { ...tuned.settings }
  if (schema.suggestions?.feedback) next.feedback = schema.suggestions.feedback
  else delete next.feedback
  if (!sameValue(next, schema.suggestions ?? {})) {
    await store.setSchema({ ...schema, suggestions: next })
  }
  return tuned.changes
}
