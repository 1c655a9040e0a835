// Runs NLTK's AnnotationTask (Debian's python3-nltk) on reliability data, so the tests compare our
// coefficients with a reference implementation on the very same triples.
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import type { ReliabilityTriple } from '../../../src/shared/agreement'

export type NltkMeasure = 'kappa' | 'pi' | 'multi_kappa' | 'alpha' | 'kappa_pairwise'

export interface NltkTask {
  id: string
  triples: readonly ReliabilityTriple[]
  distance?: 'binary' | 'interval'
  measures: readonly NltkMeasure[]
}

export type NltkValue = number | { error: string } | Record<string, number>

const SCRIPT = path.join(import.meta.dirname, 'nltk_agreement.py')

let python: string | undefined

/** A Python 3 that can import nltk: $NLTK_PYTHON, Debian's /usr/bin/python3, or python3. */
export function nltkPython(): string {
  if (python) return python
  const candidates = [process.env.NLTK_PYTHON, '/usr/bin/python3', 'python3'].filter(
    (c): c is string => !!c,
  )
  for (const candidate of candidates) {
    try {
      execFileSync(candidate, ['-c', 'import nltk.metrics.agreement'], { stdio: 'ignore' })
      return (python = candidate)
    } catch {
      // try the next one
    }
  }
  throw new Error(
    `No Python with NLTK found (tried ${candidates.join(', ')}); install Debian's python3-nltk`,
  )
}

/** Runs the tasks in one NLTK process and returns each task's measures. */
export function runNltk(tasks: readonly NltkTask[]): Record<string, Record<string, NltkValue>> {
  const request = {
    tasks: tasks.map((t) => ({
      id: t.id,
      triples: t.triples.map((x) => [x.coder, x.unit, x.value]),
      distance: t.distance ?? 'binary',
      measures: t.measures,
    })),
  }
  const out = execFileSync(nltkPython(), [SCRIPT], {
    input: JSON.stringify(request),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  return JSON.parse(out) as Record<string, Record<string, NltkValue>>
}

/** Runs a Python program (the same interpreter) on `input` and returns what it prints. */
export function runPython(program: string, input: string): string {
  return execFileSync(nltkPython(), ['-c', program], {
    input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
}
