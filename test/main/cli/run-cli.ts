// Runs the command line in process and captures what it prints.
import { run } from '../../../src/main/cli'
import { EXIT } from '../../../src/main/cli/exit-codes'

export interface CliResult {
  code: number
  out: string
  err: string
}

/** Runs `marginalia <args>` in this process. */
export async function cli(...args: string[]): Promise<CliResult> {
  return cliIn(undefined, ...args)
}

/** Runs `marginalia <args>` in this process as if typed in the folder `cwd`. */
export async function cliIn(cwd: string | undefined, ...args: string[]): Promise<CliResult> {
  let out = ''
  let err = ''
  const io = { stdout: (text: string) => (out += text), stderr: (text: string) => (err += text) }
  const code = await run(args, io, { cwd })
  return { code, out, err }
}

/**
 * Asserts the shape of a user error: exit code `code` (EXIT.failed unless said) and exactly one
 * "error:" line, no stack.
 */
export function expectOneLineError(
  result: CliResult,
  pattern: RegExp,
  code: number = EXIT.failed,
): void {
  if (result.code !== code) throw new Error(`exit code ${result.code}, stderr: ${result.err}`)
  const lines = result.err.trimEnd().split('\n')
  if (lines.length !== 1) throw new Error(`expected one line, got:\n${result.err}`)
  if (!lines[0].startsWith('error: ')) throw new Error(`not an error line: ${lines[0]}`)
  if (!pattern.test(lines[0])) throw new Error(`${lines[0]} does not match ${pattern}`)
}
