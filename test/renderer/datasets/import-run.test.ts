// What the progress dialog shows of a running import, from main's events alone: the files in
// order, the one being read with its pages, how each ended, and Cancel's effect on the waiting.
import { describe, expect, it } from 'vitest'
import {
  applyImportEvent,
  describeFile,
  EMPTY_RUN,
  runCounts,
  type ImportRunState,
} from '../../../src/renderer/src/datasets/import-run'
import type { MainEvent } from '../../../src/shared/ipc-contract'

const play = (events: MainEvent[], from: ImportRunState = EMPTY_RUN) =>
  events.reduce(applyImportEvent, from)
const statuses = (state: ImportRunState) => state.files.map((_, i) => describeFile(state, i))
const progress = (file: string, part?: { done: number; total: number }): MainEvent => ({
  type: 'progress',
  task: 'import',
  done: 0,
  total: 3,
  file,
  part,
})

describe('the import run', () => {
  it('lists the files, the one being read with its pages, and how each ended', () => {
    const state = play([
      { type: 'import-start', files: ['a.docx', 'report.pdf', 'report.pdf'] },
      progress('a.docx'),
      {
        type: 'import-file',
        index: 0,
        file: 'a.docx',
        outcome: { status: 'added', title: 'A', notes: ['1 comment left out'] },
      },
      progress('report.pdf', { done: 37, total: 200 }),
    ])
    // Two files of the same name: only the first not yet ended is the one being read.
    expect(statuses(state)).toEqual([
      'added (1 comment left out)',
      'reading page 37 of 200',
      'waiting',
    ])
    expect(runCounts(state)).toEqual({ ended: 1, total: 3 })
    const ended = play(
      [
        {
          type: 'import-file',
          index: 1,
          file: 'report.pdf',
          outcome: { status: 'failed', message: 'has no text layer' },
        },
        {
          type: 'import-file',
          index: 2,
          file: 'report.pdf',
          outcome: { status: 'duplicate', existingTitle: 'Report' },
        },
      ],
      state,
    )
    expect(statuses(ended)).toEqual([
      'added (1 comment left out)',
      'failed: has no text layer',
      'already in the project as “Report”',
    ])
    expect(ended.current).toBeNull()
  })

  it('shows waiting files as cancelling once Cancel is pressed, then cancelled', () => {
    const started = play([{ type: 'import-start', files: ['a.pdf', 'b.txt'] }, progress('a.pdf')])
    const cancelling = { ...started, cancelling: true }
    expect(statuses(cancelling)).toEqual(['reading…', 'cancelling…'])
    const done = play(
      [{ type: 'import-file', index: 1, file: 'b.txt', outcome: { status: 'cancelled' } }],
      cancelling,
    )
    expect(describeFile(done, 1)).toBe('cancelled, not imported')
  })

  it('ignores other tasks’ progress and file indexes it was not told of', () => {
    const state = play([{ type: 'import-start', files: ['a.txt'] }])
    const export_: MainEvent = { type: 'progress', task: 'export', done: 1, total: 2 }
    expect(applyImportEvent(state, export_)).toBe(state)
    const stray: MainEvent = {
      type: 'import-file',
      index: 5,
      file: 'x.txt',
      outcome: { status: 'cancelled' },
    }
    expect(applyImportEvent(state, stray)).toBe(state)
  })
})
