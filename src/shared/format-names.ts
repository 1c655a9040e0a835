// The names of the export and annotation import formats, with no dependency at all, so the command
// line can list them in its help without loading zod or a single format module.

/** Export format names, shared by the UI, the CLI and the export registry. */
export const EXPORT_FORMATS = [
  'jsonl',
  'csv',
  'xlsx',
  'doccano',
  'label-studio',
  'brat',
  'w3c',
  'conll',
  'spacy',
  'qdpx',
] as const

/** Formats whose annotations can be imported (the importer registry in main names the same). */
export const ANNOTATION_IMPORT_FORMATS = [
  'jsonl',
  'doccano',
  'label-studio',
  'brat',
  'w3c',
] as const
