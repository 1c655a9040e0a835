// What a command may touch besides the core: where it writes text. Injected so tests run the CLI in
// process and read what it printed, and so handlers never call process.exit. Everything printed
// goes through `terminalSafe` (run() wraps the streams), because titles, labels, file names and
// quoted file content come from documents a user did not write: an ESC sequence could rewrite the
// terminal, a U+202E could make a line read backwards.
import { EXIT } from './exit-codes'

/** Output streams of one CLI run (each call writes the string as is; add your own newline). */
export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  /**
   * A terminal's status line, on stderr: each call replaces the last line shown, null clears it.
   * Present only when stderr is a terminal (processIo); `--progress` prints lines instead.
   */
  status?: (line: string | null) => void
}

// C0 controls but tab and newline (ours), DEL, C1 controls, and the bidirectional marks,
// embeddings, overrides and isolates (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069).
const UNSAFE_IN_STREAM =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu
// Inside one field (a title, a label) tab and newline are escaped too, so a field stays one field.
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_FIELD = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu

const escapeChar = (c: string) =>
  `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`

/**
 * Text with control and bidi-override characters written as `\uXXXX` escapes (JSON's spelling, so
 * a JSON document stays valid and means the same). Tab and newline are kept: they are ours.
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE_IN_STREAM, escapeChar)
}

/** One field of a line (a title, a label, a file name): like terminalSafe, tab and newline too. */
export function field(text: string): string {
  return text.replace(UNSAFE_IN_FIELD, escapeChar)
}

/** The same streams, with everything written through `terminalSafe`. */
export function safeIo(io: CliIo): CliIo {
  const { status } = io
  return {
    stdout: (text) => io.stdout(terminalSafe(text)),
    stderr: (text) => io.stderr(terminalSafe(text)),
    ...(status ? { status: (line) => status(line === null ? null : terminalSafe(line)) } : {}),
  }
}

/**
 * The process's own streams. A reader that goes away (`marginalia stats p | head -1`) makes the
 * next write fail with EPIPE: the rest of the output is dropped quietly and the command finishes
 * its work, instead of dying with a stack trace half-way through.
 */
export function processIo(): CliIo {
  const writer = (stream: NodeJS.WriteStream) => {
    let closed = false
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error
      closed = true
    })
    return (text: string) => {
      if (!closed) stream.write(text)
    }
  }
  const stderr = writer(process.stderr)
  // Carriage return, the line, then erase to the end of the line: the next status overwrites it.
  const status = (line: string | null) => stderr(line === null ? '\r\u001b[K' : `\r${line}\u001b[K`)
  return {
    stdout: writer(process.stdout),
    stderr,
    ...(process.stderr.isTTY ? { status } : {}),
  }
}

/**
 * Progress of a long command as a percentage: on the terminal's status line, or with `lines` as
 * a line each time it passes a tenth; `done()` clears the status line.
 */
export function progressPrinter(
  io: CliIo,
  what: string,
  lines: boolean,
): { update: (done: number, total: number) => void; done: () => void } {
  let shown = -1
  const status = lines ? undefined : io.status
  return {
    update(done, total) {
      const percent = total > 0 ? Math.floor((100 * done) / total) : 0
      if (status && percent !== shown) status(`${what}: ${percent}%`)
      else if (lines && Math.floor(percent / 10) !== Math.floor(shown / 10)) {
        io.stderr(`${what}: ${percent}%\n`)
      }
      shown = percent
    },
    done: () => status?.(null),
  }
}

/** A problem with the user's input, printed as one line; `exitCode` defaults to EXIT.failed. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failed,
  ) {
    super(message)
    this.name = 'CliError'
  }
}

/** A usage mistake (arguments or options that do not fit together): exit code EXIT.usage. */
export function usageError(message: string): CliError {
  return new CliError(message, EXIT.usage)
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
