// What a command may touch besides the core: where it writes text. Injected so tests run the CLI in
// process and read what it printed, and so handlers never call process.exit.

/** Output streams of one CLI run (each call writes the string as is; add your own newline). */
export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
}

/** The process's own streams. */
export const processIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
}

/** A problem with the user's input, printed as one line; `exitCode` defaults to 1. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message)
    this.name = 'CliError'
  }
}

/** The first line of an error's message: a user sees one line, never a stack trace. */
export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.split('\n')[0].trim() || (error instanceof Error ? error.name : 'unknown error')
}

/** Prints lines to a stream, each with a newline. */
export function printLines(write: (text: string) => void, lines: readonly string[]): void {
  if (lines.length > 0) write(`${lines.join('\n')}\n`)
}
