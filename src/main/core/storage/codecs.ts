// Decoders of the two file formats: migrate to the current version, validate the shape with the
// zod validators of the model, then the cross-field rules of src/shared/validate.ts. Every error
// names the file and the field path.
import type { z } from 'zod'
import {
  FORMAT_VERSION,
  zDocumentFile,
  zProjectFile,
  type DocumentFile,
  type ProjectFile,
} from '../../../shared/model'
import { formatProblems, validateDocument, validateProject } from '../../../shared/validate'
import { ProjectError, joinProblems, zodProblems } from './errors'
import type { Decoder } from './json-file'
import { migrate, type FileKind } from './migrate'
import { repairQuoteContext } from './repair-quotes'

/** Decodes project.json. */
export const projectDecoder: Decoder<ProjectFile> = {
  decode(raw, file) {
    const { value, migratedFrom } = decodeWith('project', zProjectFile, raw, file)
    const problems = formatProblems(validateProject(value))
    if (problems.length > 0) throw new ProjectError(file, joinProblems(problems))
    return { value, migratedFrom }
  },
}

/** Decodes a document file. */
export const documentDecoder: Decoder<DocumentFile> = {
  decode(raw, file) {
    const { value, migratedFrom } = decodeWith('document', zDocumentFile, raw, file)
    repairQuoteContext(value)
    const problems = formatProblems(validateDocument(value.document)).map((p) => `document.${p}`)
    if (problems.length > 0) throw new ProjectError(file, joinProblems(problems))
    return { value, migratedFrom }
  },
}

function decodeWith<T>(
  kind: FileKind,
  validator: z.ZodType<T>,
  raw: unknown,
  file: string,
): { value: T; migratedFrom: number | null } {
  let migrated
  try {
    migrated = migrate(kind, raw, FORMAT_VERSION)
  } catch (error) {
    throw new ProjectError(file, error instanceof Error ? error.message : String(error), {
      cause: error,
    })
  }
  const result = validator.safeParse(migrated.file)
  if (!result.success) throw new ProjectError(file, joinProblems(zodProblems(result.error)))
  return { value: result.data, migratedFrom: migrated.migratedFrom }
}
