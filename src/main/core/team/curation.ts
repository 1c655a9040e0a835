// Curation of a document into the gold set. The gold annotations are an annotation set like any
// other (`annotations/gold/<doc>.json`, saved through the store); which disagreement was settled
// how is kept in the curator's log, `curation/<doc>.json` (docs/FORMAT.md), so progress ("n of m
// resolved") survives a restart and travels with the project. The log is written only by the
// curator's app, like a set file; a decision whose disagreement no longer exists (an analyst
// changed their set since) is kept in the file but no longer counted.
import path from 'node:path'
import { z } from 'zod'
import { GOLD_SET } from '../../../shared/analysts'
import { computeAgreement, type Disagreement } from '../../../shared/agreement'
import { newId } from '../../../shared/ids'
import type { AnnotationSchema, Annotations } from '../../../shared/model'
import type {
  AutoAcceptRule,
  EditedSpan,
  CurationChoiceArg,
  CurationDecision,
  CurationState,
} from '../../../shared/team'
import { nodeFs, type ProjectStore } from '../storage'
import { writeFileDurable } from '../storage/durable-write'
import { readProjectJson } from '../storage/documents'
import { analystSets, loadAgreementDocuments } from './agreement'
import { agreedGold, applyChoice, majorityVersion, type GoldContext } from './gold'

export const CURATION_DIR = 'curation'
const CURATION_FORMAT = 'marginalia-curation'

const zLog = z.object({
  format: z.literal(CURATION_FORMAT),
  version: z.literal(1),
  document: z.string(),
  /** The auto-accept rule curation started with (absent in logs written before rules). */
  rule: z.enum(['all', 'majority']).optional(),
  decisions: z.record(
    z.string(),
    z.object({ choice: z.string(), curator: z.string(), at: z.string() }),
  ),
})
type CurationLog = z.infer<typeof zLog>

function logFile(store: ProjectStore, docId: string): string {
  return path.join(store.dir, CURATION_DIR, `${docId}.json`)
}

/** The document's curation log; an empty one when there is none. Throws naming a bad file. */
async function readLog(store: ProjectStore, docId: string): Promise<CurationLog> {
  const file = logFile(store, docId)
  const raw = await readProjectJson(nodeFs, file)
  if (raw === null) return { format: CURATION_FORMAT, version: 1, document: docId, decisions: {} }
  const parsed = zLog.safeParse(raw)
  if (!parsed.success || parsed.data.document !== docId) {
    throw new Error(`${file}: not a curation log of document ${docId}; fix or remove it`)
  }
  return parsed.data
}

async function writeLog(store: ProjectStore, log: CurationLog): Promise<void> {
  const file = logFile(store, log.document)
  await nodeFs.mkdir(path.dirname(file), { recursive: true })
  const tempDir = path.join(store.dir, '.marginalia', 'tmp')
  await writeFileDurable(file, `${JSON.stringify(log, null, 2)}\n`, nodeFs, tempDir)
}

/** Everything the curation of one document works from. */
interface Material {
  title: string
  text: string
  analysts: string[]
  sets: Record<string, Annotations>
  disagreements: Disagreement[]
}

async function material(store: ProjectStore, docId: string): Promise<Material> {
  if (!store.project.documents.some((d) => d.id === docId)) {
    throw new Error(`the project has no document with id "${docId}"`)
  }
  const analysts = analystSets(store)
  const problems: { file: string; message: string }[] = []
  const [doc] = await loadAgreementDocuments(store, [docId], analysts, problems)
  if (!doc) throw new Error(problems.map((p) => `${p.file}: ${p.message}`).join('; '))
  const present = analysts.filter((a) => doc.sets[a])
  const report =
    present.length >= 2
      ? computeAgreement({ schema: store.project.schema, documents: [doc] }, { analysts: present })
      : null
  return {
    title: doc.title ?? docId,
    text: doc.text,
    analysts: present,
    sets: { ...doc.sets },
    disagreements: report?.disagreements ?? [],
  }
}

function stateOf(
  docId: string,
  m: Material,
  log: CurationLog,
  gold: Annotations | null,
): CurationState {
  const decisions: Record<string, CurationDecision> = {}
  for (const d of m.disagreements) {
    const decision = log.decisions[d.id]
    if (decision) decisions[d.id] = decision
  }
  return {
    docId,
    title: m.title,
    analysts: m.analysts,
    text: m.text,
    sets: m.sets,
    disagreements: m.disagreements,
    decisions,
    gold,
    resolved: Object.keys(decisions).length,
    total: m.disagreements.length,
    rule: gold ? (log.rule ?? 'all') : null,
  }
}

/** The curation of `docId`: its disagreements, the decisions taken, and the gold set so far. */
export async function curationState(store: ProjectStore, docId: string): Promise<CurationState> {
  const m = await material(store, docId)
  const gold = await store.loadAnnotations(docId, GOLD_SET)
  return stateOf(docId, m, await readLog(store, docId), gold?.annotations ?? null)
}

function goldContext(store: ProjectStore, text: string): GoldContext {
  return { curator: store.analyst.name, now: new Date().toISOString(), newId, text }
}

/**
 * Starts the curation of `docId` when it has no gold set yet: the gold set becomes what every
 * analyst agrees on, and with rule `majority` also each disagreement's version that a strict
 * majority of the analysts gave (logged as decided by that rule, under the curator's name).
 * Returns the state either way.
 */
export async function startCuration(
  store: ProjectStore,
  docId: string,
  rule: AutoAcceptRule = 'all',
): Promise<CurationState> {
  const m = await material(store, docId)
  const existing = await store.loadAnnotations(docId, GOLD_SET)
  const log = await readLog(store, docId)
  let gold = existing?.annotations ?? null
  if (!gold) {
    if (store.readOnly) throw new Error(`the project is read-only: ${store.readOnly}`)
    const ctx = goldContext(store, m.text)
    gold = agreedGold(m.sets, m.analysts, m.disagreements, ctx)
    const decided: Record<string, CurationDecision> = {}
    if (rule === 'majority') {
      for (const d of m.disagreements) {
        const majority = majorityVersion(d)
        if (!majority) continue
        const choice = majority.empty ? { reject: true as const } : { take: majority.analysts[0] }
        gold = applyChoice(gold, d, choice, m.sets, ctx)
        const who = majority.analysts.join(', ')
        decided[d.id] = { choice: `majority: ${who}`, curator: ctx.curator, at: ctx.now }
      }
    }
    await store.saveAnnotations(docId, gold, { set: GOLD_SET, stamp: false })
    log.rule = rule
    Object.assign(log.decisions, decided)
    await writeLog(store, log)
  }
  return stateOf(docId, m, log, gold)
}

/**
 * Settles disagreement `disagreementId` of `docId` with `choice`, saves the gold set and logs
 * the decision (gold first: a log never claims a decision the gold set does not hold).
 */
export async function decide(
  store: ProjectStore,
  docId: string,
  disagreementId: string,
  choice: CurationChoiceArg,
): Promise<CurationState> {
  if (store.readOnly) throw new Error(`the project is read-only: ${store.readOnly}`)
  const m = await material(store, docId)
  const d = m.disagreements.find((x) => x.id === disagreementId)
  if (!d) throw new Error(`document ${docId} has no disagreement "${disagreementId}" (any more)`)
  if ('edit' in choice) checkEdit(store.project.schema, choice.edit)
  const log = await readLog(store, docId) // a broken log stops the decision before gold changes
  const ctx = goldContext(store, m.text)
  const start =
    (await store.loadAnnotations(docId, GOLD_SET))?.annotations ??
    agreedGold(m.sets, m.analysts, m.disagreements, ctx)
  const gold = applyChoice(start, d, choice, m.sets, ctx)
  await store.saveAnnotations(docId, gold, { set: GOLD_SET, stamp: false })
  const word = 'edit' in choice ? 'edit' : 'reject' in choice ? 'reject' : choice.take
  log.decisions[d.id] = { choice: word, curator: ctx.curator, at: ctx.now }
  await writeLog(store, log)
  return stateOf(docId, m, log, gold)
}

/** Refuses an edit naming a layer, label, relation type or link end the schema does not allow. */
function checkEdit(schema: AnnotationSchema, edits: readonly EditedSpan[]): void {
  for (const e of edits) {
    const layer = schema.layers.find((l) => l.id === e.layer)
    if (!layer) throw new Error(`the schema has no layer "${e.layer}"`)
    if (!layer.labels.some((l) => l.name === e.label)) {
      throw new Error(`layer "${layer.name}" has no label "${e.label}"`)
    }
    for (const link of e.links ?? []) {
      const type = schema.relationTypes.find((t) => t.id === link.type)
      if (!type) throw new Error(`the schema has no relation type "${link.type}"`)
      const [from, to] =
        link.direction === 'out' ? [e.layer, link.other.layer] : [link.other.layer, e.layer]
      if (!type.from.includes(from) || !type.to.includes(to)) {
        throw new Error(`a "${type.name}" link cannot go from layer ${from} to layer ${to}`)
      }
    }
  }
}
