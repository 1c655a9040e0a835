// The shared end of `export`, `claims` and `report`: warnings, then what was left out, and the
// exit code --allow-incomplete turns to 0.
import { describe, expect, it } from 'vitest'
import { EXIT } from '../../../src/main/cli/exit-codes'
import { finishIncomplete } from '../../../src/main/cli/incomplete'

function io() {
  const out = { stdout: '', stderr: '' }
  return {
    out,
    io: {
      stdout: (text: string) => void (out.stdout += text),
      stderr: (text: string) => void (out.stderr += text),
    },
  }
}

describe('finishIncomplete', () => {
  it('exits 0 and prints nothing when nothing was left out', () => {
    const { out, io: cliIo } = io()
    expect(finishIncomplete(cliIo, [], false)).toBe(EXIT.ok)
    expect(out).toEqual({ stdout: '', stderr: '' })
  })

  it('names each unread document, says how many, and exits 3 unless allowed', () => {
    const problems = [{ file: 'documents/a\tb.json', message: 'not JSON' }]
    const { out, io: cliIo } = io()
    expect(finishIncomplete(cliIo, problems, false)).toBe(EXIT.incomplete)
    // A file name stays one field: its tab is escaped.
    expect(out.stderr).toBe(
      'warning: documents/a\\u0009b.json: not JSON\nincomplete: 1 documents not read\n',
    )
    expect(finishIncomplete(io().io, problems, true)).toBe(EXIT.ok)
  })

  it("says what was left out in the caller's words, even with no problem to name", () => {
    const { out, io: cliIo } = io()
    expect(finishIncomplete(cliIo, [], undefined, '2 of 9 spans not written')).toBe(EXIT.incomplete)
    expect(out.stderr).toBe('incomplete: 2 of 9 spans not written\n')
  })
})
