// `suggest <dir> [--doc <id>] [--kinds …] [--accept] [--json]`: runs the suggestion engine (rules,
// compromise names, VADER sentiment — what the app's Web Worker runs) over a project's documents.
// Without --accept it lists what it proposes; with --accept it writes the proposals as annotations
// by the annotator `auto`, skipping what is already annotated and what an analyst rejected in that
// document. (Once the project keeps one annotation set per analyst, `auto` gets a set of its own.)
import { AUTO_ANNOTATOR } from '../../core/import/pre-annotate-settings'
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
  const results = await withProject(dir, { lock: !!args.accept }, (store) => run(store, args))
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
    if (args.accept && open.length > 0) {
      const made = acceptedAnnotations(open, document.text, project.schema, annotations.relations, {
        annotator: AUTO_ANNOTATOR,
        now: new Date().toISOString(),
      })
      try {
        await store.saveAnnotations(entry.id, {
          ...annotations,
          spans: [...annotations.spans, ...made.spans],
          relations: [...annotations.relations, ...made.relations],
        })
        result.accepted = { spans: made.spans.length, relations: made.relations.length }
      } catch (error) {
        result.error = `not saved: ${messageOf(error)}`
      }
    }
    out.push(result)
  }
  return out
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
        `  accepted as "${AUTO_ANNOTATOR}": ${r.accepted.spans} spans, ${r.accepted.relations} relations`,
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
