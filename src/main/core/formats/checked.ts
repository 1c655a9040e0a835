// The quote check every export relies on, done once by the export runner before any format sees a
// document. A format receives only `CheckedDocument`s, which nothing but `CheckedDocument.check`
// can make (the private field makes the type nominal), so no format can skip the check or write
// a span whose offsets no longer select its quote.
import { checkSpanAnchor } from '../../../shared/anchor'
import type { FileProblem } from '../../../shared/ipc-contract'
import type { DocumentFile, ProjectFile, Relation, Span } from '../../../shared/model'
import { OffsetConverter } from '../../../shared/offsets'
import type { ExportFormatModule, ExportInput, ExportOutput } from './types'

/** Where a document lives in the project, for problem reports. */
export function documentPath(file: DocumentFile): string {
  return `documents/${file.document.id}.json`
}

/** A document ready to write: only sound spans, and relations whose two ends are among them. */
export class CheckedDocument {
  readonly #checked = true
  readonly offsets: OffsetConverter

  private constructor(
    readonly file: DocumentFile,
    readonly spans: readonly Span[],
    readonly relations: readonly Relation[],
  ) {
    this.offsets = new OffsetConverter(file.document.text)
  }

  /**
   * Keeps the spans that `checkSpanAnchor` finds sound and the relations whose ends were kept;
   * each one left out is added to `problems`, naming the document file.
   */
  static check(file: DocumentFile, problems: FileProblem[]): CheckedDocument {
    const { text } = file.document
    const where = documentPath(file)
    const spans: Span[] = []
    for (const span of file.annotations.spans) {
      const problem = checkSpanAnchor(text, span)
      if (problem)
        problems.push({ file: where, message: `span ${span.id} left out: ${problem.message}` })
      else spans.push(span)
    }
    const kept = new Set(spans.map((s) => s.id))
    const relations: Relation[] = []
    for (const relation of file.annotations.relations) {
      const missing = [relation.from, relation.to].filter((id) => !kept.has(id))
      if (missing.length === 0) relations.push(relation)
      else {
        problems.push({
          file: where,
          message: `relation ${relation.id} left out: span ${missing.join(' and ')} was not written`,
        })
      }
    }
    return new CheckedDocument(file, spans, relations)
  }

  /** Whether `value` was made by `check` (a format cannot forge one). */
  static is(value: unknown): value is CheckedDocument {
    return value instanceof CheckedDocument && value.#checked
  }
}

/** The input of a format for `files`, each checked, with what the check left out. */
export function prepareExport(
  project: ProjectFile,
  files: readonly DocumentFile[],
  options?: Record<string, unknown>,
): { input: ExportInput; problems: FileProblem[] } {
  const problems: FileProblem[] = []
  const documents = files.map((file) => CheckedDocument.check(file, problems))
  return { input: { project, documents, ...(options ? { options } : {}) }, problems }
}

/**
 * Checks `files` and runs `format` on them, in memory: the output's manifest lists what the check
 * left out before the format's own problems. What the export runner does, minus the disk.
 */
export function exportDocuments(
  format: ExportFormatModule,
  project: ProjectFile,
  files: readonly DocumentFile[],
  options?: Record<string, unknown>,
): ExportOutput {
  const { input, problems } = prepareExport(project, files, options)
  const output = format.export(input)
  return {
    ...output,
    manifest: { ...output.manifest, problems: [...problems, ...output.manifest.problems] },
  }
}
