// The command line's exit codes: one meaning each, the same for every command, listed in every
// help page (see help.ts) and in the README.

export const EXIT = {
  /** Everything asked for was done (skipping documents already in the project included). */
  ok: 0,
  /** It could not be done, or not all of it: a bad project, a file that failed, unknown labels. */
  failed: 1,
  /** The command line itself is wrong: an unknown command or option, a missing argument. */
  usage: 2,
  /** Written, but incomplete: spans or documents left out, listed in the manifest. */
  incomplete: 3,
  /** Cancelled with Ctrl+C (128 + SIGINT, as shells report it): see interrupt.ts. */
  cancelled: 130,
} as const

/** The exit codes as a help section. */
export const EXIT_CODES_HELP = `Exit codes:
  0  done (documents already in the project are skipped, not failed)
  1  failed, in whole or in part: the project cannot be read, a file could not be imported,
     labels the schema does not know (nothing written), validate found problems
  2  usage: unknown command or option, missing or conflicting arguments
  3  export, claims or report written but incomplete: spans or documents left out (listed in the
     manifest and on stderr); --allow-incomplete makes that 0
130  cancelled with Ctrl+C: an export wrote nothing (an earlier one is as it was), an import
     kept the documents it had added`
