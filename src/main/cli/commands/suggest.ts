// `suggest <dir> [--doc <id>] [--kinds …] [--accept] [--json]`: runs the suggestion engine (rules,
// compromise names, VADER sentiment — what the app's Web Worker runs) over a project's documents.
// Without --accept it lists what it proposes to the analyst (`--annotator`): what their set does
// not hold yet and they did not reject. With --accept it writes the proposals as the `auto`
// annotation set (annotations/auto/, annotator "auto"), the engine's own, never a person's: what the
// auto set holds already is not added twice, and an analyst's rejections stay theirs (the auto set
// is the engine's answer, to compare people with in the Agreement view and take from in Curation).
import { AUTO_ANNOTATOR, AUTO_SET_REF } from '../../core/import/pre-annotate-settings'
import type { ProjectStore } from '../../core/storage'
import type { DocumentFile } from '../../../shared/model'
import type { Suggestion, SuggestionKind } from '../../../shared/suggest'
import { acceptedAnnotations, filterSuggestions, suggest } from '../../../shared/suggest'
import { nlpOptions } from '../../../shared/suggest-nlp'
import { field, printLines, type CliIo } from '../io'
import { withProject } from '../open-project'

/** --kinds names (plural, as the user types them) → the engine's kinds. */
export const KIND_OPTIONS: Record<string, SuggestionKind> = {
  cues: 'cue',
  quotes: 'quote',
  sources: 'source',
  claims: 'claim',
  sentiment: 'sentiment',
  names: 'name',
}

/** What `--kinds` means when left out: the attribution frame, without bare names or sentiment. */
export const DEFAULT_KINDS = 'cues,quotes,sources,claims'

export interface SuggestArgs {
  doc?: string
  kinds: SuggestionKind[]
  accept?: boolean
  json?: boolean
  /** The analyst the listing is for (`--annotator`). */
  annotator?: string
}

interface DocResult {
  id: string
  title: string
  suggestions: Suggestion[]
  accepted?: { spans: number; relations: number }
  error?: string
}

/** Parses `--kinds cues,quotes`; throws a usage error naming an unknown kind. */
export function parseKinds(value: string): SuggestionKind[] {
  const kinds = value
    .split(',')
    .map((k) => k.trim().toLowerCase())
    .filter(Boolean)
  const unknown = kinds.filter((k) => !(k in KIND_OPTIONS))
  if (unknown.length > 0 || kinds.length === 0)
    throw new Error(
      `unknown kind ${unknown.map((k) => JSON.stringify(k)).join(', ') || '(none given)'}: ` +
        `choose from ${Object.keys(KIND_OPTIONS).join(', ')}`,
    )
  return [...new Set(kinds.map((k) => KIND_OPTIONS[k]))]
}

/** Runs the command; returns the exit code. */
export async function suggestCommand(dir: string, args: SuggestArgs, io: CliIo): Promise<number> {
  const results = await withProject(
    dir,
    { lock: !!args.accept, annotator: args.annotator },
    (store) => run(store, args),
  )
  if (results === null) {
    io.stderr(`${dir}: no document with id ${JSON.stringify(args.doc)}\n`)
    return 1
  }
  if (args.json) io.stdout(`${JSON.stringify({ documents: results }, null, 2)}\n`)
  else printLines(io.stdout, describe(results, args))
  for (const r of results) if (r.error) io.stderr(`${field(r.title)} (${r.id}): ${r.error}\n`)
  return results.some((r) => r.error) ? 1 : 0
}

async function run(store: ProjectStore, args: SuggestArgs): Promise<DocResult[] | null> {
  const { project } = store
  const entries = args.doc ? project.documents.filter((d) => d.id === args.doc) : project.documents
  if (entries.length === 0 && args.doc) return null
  const out: DocResult[] = []
  for (const entry of entries) {
    let file: DocumentFile
    try {
      file = await store.loadDocument(entry.id)
    } catch (error) {
      out.push({ id: entry.id, title: entry.title, suggestions: [], error: messageOf(error) })
      continue
    }
    const { document, annotations } = file
    const all = suggest(
      {
        text: document.text,
        blocks: document.blocks,
        schema: project.schema,
        entities: project.entities,
      },
      { kinds: args.kinds, ...nlpOptions(document.blocks) },
    )
    const open = filterSuggestions(all, {
      annotations,
      rejected: annotations.suggestions?.rejected ?? [],
    })
    const result: DocResult = { id: entry.id, title: entry.title, suggestions: open }
    if (args.accept) await acceptIntoAuto(store, entry.id, document.text, all, result)
    out.push(result)
  }
  return out
}

/**
 * Writes the suggestions the `auto` set does not hold yet into it (links included); records the
 * counts, or the error, in `result`.
 */
async function acceptIntoAuto(
  store: ProjectStore,
  docId: string,
  text: string,
  all: Suggestion[],
  result: DocResult,
): Promise<void> {
  const { project } = store
  try {
    const auto = (await store.loadAnnotations(docId, AUTO_SET_REF.id))?.annotations ?? {
      spans: [],
      relations: [],
      docLabels: {},
    }
    const fresh = filterSuggestions(all, { annotations: auto, rejected: [] })
    const made = acceptedAnnotations(fresh, text, project.schema, auto.relations, {
      annotator: AUTO_ANNOTATOR,
      now: new Date().toISOString(),
    })
    result.accepted = { spans: made.spans.length, relations: made.relations.length }
    if (made.spans.length === 0 && made.relations.length === 0) return
    await store.saveAnnotations(
      docId,
      {
        ...auto,
        spans: [...auto.spans, ...made.spans],
        relations: [...auto.relations, ...made.relations],
      },
      { set: AUTO_SET_REF.id, analyst: AUTO_SET_REF.name, stamp: false },
    )
  } catch (error) {
    delete result.accepted
    result.error = `not saved: ${messageOf(error)}`
  }
}

function describe(results: DocResult[], args: SuggestArgs): string[] {
  const lines: string[] = []
  for (const r of results) {
    const counts = countByKind(r.suggestions)
    const summary = Object.entries(counts)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')
    lines.push(
      `${field(r.title)} (${r.id}): ${r.suggestions.length} open${summary ? ` (${summary})` : ''}`,
    )
    if (r.accepted)
      lines.push(
        `  accepted into the "${AUTO_SET_REF.id}" set: ${r.accepted.spans} spans, ${r.accepted.relations} relations`,
      )
    else if (!args.accept)
      for (const s of r.suggestions)
        lines.push(
          `  ${s.kind.padEnd(9)} ${String(s.start).padStart(6)}–${String(s.end).padEnd(6)} ${excerpt(s.quote)}  (${field(s.reason)})`,
        )
  }
  return lines
}

function countByKind(suggestions: readonly Suggestion[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const s of suggestions) out[s.kind] = (out[s.kind] ?? 0) + 1
  return out
}

function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return JSON.stringify(line.length > 60 ? `${line.slice(0, 59)}…` : line)
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
