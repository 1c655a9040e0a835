// Declaring a format: its writer (`open`) is all a module writes; `export`, the whole export in
// memory, is derived from it, so the tests run the very writer that writes users' files.
import { MemoryOut } from '../output/memory-out'
import type { CheckedDocument } from './checked'
import {
  StartOver,
  type ExportContext,
  type ExportFormatModule,
  type ExportInput,
  type ExportOutput,
} from './types'

/** A format module from its description and writer. */
export function exportFormat(format: Omit<ExportFormatModule, 'export'>): ExportFormatModule {
  const module: ExportFormatModule = {
    ...format,
    export: (input) => exportInMemory(module, input),
  }
  return module
}

/** What the project index would list for `documents`: their relations. */
export function listedOf(documents: readonly CheckedDocument[]): ExportContext['listed'] {
  return { relations: documents.reduce((n, d) => n + d.relations.length, 0) }
}

/** Runs `module`'s writer over `input.documents` in memory (starting over once if it asks). */
export function exportInMemory(module: ExportFormatModule, input: ExportInput): ExportOutput {
  const { documents, ...context } = input
  let survey = input.survey
  for (let attempt = 0; ; attempt++) {
    const out = new MemoryOut()
    try {
      const listed = context.listed ?? listedOf(documents)
      const writer = module.open({ ...context, listed, survey }, out)
      for (const doc of documents) writer.document(doc)
      const manifest = writer.finish()
      return { files: out.result(), manifest }
    } catch (error) {
      if (!(error instanceof StartOver) || attempt > 0) throw error
      if (error.collect) for (const doc of documents) error.collect(doc)
      survey = error.survey
    }
  }
}
