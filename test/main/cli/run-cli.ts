// Runs the command line in process and captures what it prints.
import { run } from '../../../src/main/cli'

export interface CliResult {
  code: number
  out: string
  err: string
}

/** Runs `marginalia <args>` in this process. */
export async function cli(...args: string[]): Promise<CliResult> {
  let out = ''
  let err = ''
  const code = await run(args, {
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
  })
  return { code, out, err }
}

/** Asserts the shape of a user error: exit code 1 and exactly one "error:" line, no stack. */
export function expectOneLineError(result: CliResult, pattern: RegExp): void {
  if (result.code !== 1) throw new Error(`exit code ${result.code}, stderr: ${result.err}`)
  const lines = result.err.trimEnd().split('\n')
  if (lines.length !== 1) throw new Error(`expected one line, got:\n${result.err}`)
  if (!lines[0].startsWith('error: ')) throw new Error(`not an error line: ${lines[0]}`)
  if (!pattern.test(lines[0])) throw new Error(`${lines[0]} does not match ${pattern}`)
}
