// The options each export format accepts, as zod validators: one place that the IPC handler, the
// command line and the renderer's types all read, so an option is named once. Each validator is
// strict, so an option a format does not know is refused with its name rather than ignored.
// Options the schema must confirm (CoNLL's layer) are checked against it in main.
import { z } from 'zod'
import { zJsonlOffsetUnit } from './jsonl-line'
import { zId, zTimestamp } from './model'

const none = z.object({}).strict()

/** Format name → validator of its options (every option is optional). */
export const exportOptionSchemas = {
  jsonl: z
    .object({
      /** `utf16` (default: JS string indices, the internal unit) or `codepoint` (Python's). */
      offsetUnit: zJsonlOffsetUnit,
    })
    .partial()
    .strict(),
  csv: z
    .object({
      /** Prefix formula-like cells with ' so spreadsheets do not run them (default on). */
      escapeFormulas: z.boolean(),
    })
    .partial()
    .strict(),
  xlsx: none,
  doccano: none,
  'label-studio': none,
  brat: z
    .object({
      /** One `.zip` file instead of a folder of `.txt`/`.ann` files. */
      zip: z.boolean(),
    })
    .partial()
    .strict(),
  w3c: none,
  conll: z
    .object({
      /** Write only this layer (its id); absent: every layer, one file each. */
      layer: zId,
      /** Header comment lines (`# …`) for CoNLL-U-aware readers; default off (CoNLL-2003 has none). */
      comments: z.boolean(),
    })
    .partial()
    .strict(),
  spacy: none,
  qdpx: z
    .object({
      /** The project's creationDateTime in project.qde; default: when the project was created. */
      creationDateTime: zTimestamp,
    })
    .partial()
    .strict(),
} as const

export type ExportOptionFormat = keyof typeof exportOptionSchemas
export type ExportOptionsOf<F extends ExportOptionFormat> = z.infer<(typeof exportOptionSchemas)[F]>

/** The options of any format, as the renderer and the CLI pass them. */
export type ExportFormatOptions = Partial<{
  offsetUnit: 'utf16' | 'codepoint'
  escapeFormulas: boolean
  zip: boolean
  layer: string
  comments: boolean
  creationDateTime: string
}>

/** The validator of a format's options; a format without one takes no options. */
export function exportOptionSchema(format: string): z.ZodObject {
  return Object.hasOwn(exportOptionSchemas, format)
    ? exportOptionSchemas[format as ExportOptionFormat]
    : none
}

/**
 * Validates `raw` as the options of `format`; throws an Error naming the format and each bad or
 * unknown option. Absent options give `{}`.
 */
export function parseExportOptions(format: string, raw: unknown): Record<string, unknown> {
  const schema = exportOptionSchema(format)
  const parsed = schema.safeParse(raw ?? {})
  if (parsed.success) return parsed.data
  const issues = parsed.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return `unknown option${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`
    }
    const where = issue.path.length ? `option ${issue.path.join('.')}: ` : ''
    return `${where}${issue.message}`
  })
  const known = Object.keys(schema.shape)
  const hint = known.length ? ` (known: ${known.join(', ')})` : ' (it takes no options)'
  throw new Error(`${format} export: ${issues.join('; ')}${hint}`)
}

/**
 * Reads `key=value` pairs (the command line's `--option`) as the options of `format`: `true` and
 * `false` become booleans for boolean options; the result is validated like any other options.
 */
export function parseOptionPairs(
  format: string,
  pairs: readonly string[],
): Record<string, unknown> {
  const raw: Record<string, unknown> = {}
  for (const pair of pairs) {
    const eq = pair.indexOf('=')
    if (eq <= 0) throw new Error(`--option ${pair}: expected key=value`)
    const key = pair.slice(0, eq).trim()
    const value = pair.slice(eq + 1).trim()
    raw[key] =
      isBooleanOption(format, key) && /^(true|false)$/.test(value) ? value === 'true' : value
  }
  return parseExportOptions(format, raw)
}

function isBooleanOption(format: string, key: string): boolean {
  const shape = exportOptionSchema(format).shape as Record<string, z.ZodType>
  const field = Object.hasOwn(shape, key) ? shape[key] : undefined
  const inner = field instanceof z.ZodOptional ? field.unwrap() : field
  return inner instanceof z.ZodBoolean
}
