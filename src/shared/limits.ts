// Size limits that every way into a project shares (the app's dialogs and drops, the command line,
// annotation imports), so one number decides what is too big.

/** The largest file Marginalia reads as a document or an annotation import: 50 MiB. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024

/** `MAX_FILE_BYTES` in words, for messages. */
export const MAX_FILE_SIZE_TEXT = '50 MB'

/** Most files read by one annotation import: from a folder, or inside a zip. */
export const MAX_IMPORT_FILES = 10_000

/**
 * Most bytes all the entries of one zip may inflate to (each entry is held to MAX_FILE_BYTES):
 * 256 MiB, room for ten thousand 25 kB articles, and a bound on the memory a zip bomb can take.
 */
export const MAX_ZIP_TOTAL_BYTES = 256 * 1024 * 1024

/** `MAX_ZIP_TOTAL_BYTES` in words, for messages. */
export const MAX_ZIP_TOTAL_TEXT = '256 MB'
