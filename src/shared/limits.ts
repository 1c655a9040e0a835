// Size limits that every way into a project shares (the app's dialogs and drops, the command line,
// annotation imports), so one number decides what is too big.

/** The largest file Marginalia reads as a document or an annotation import: 50 MiB. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024

/** `MAX_FILE_BYTES` in words, for messages. */
export const MAX_FILE_SIZE_TEXT = '50 MB'
