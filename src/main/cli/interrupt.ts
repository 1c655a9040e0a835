// Ctrl+C during a long command (export, import): the first one cancels it cleanly (an export
// leaves the earlier output as it was and no temporary file; an import stops after the document
// it is adding), the second ends the process at once. Outside such work Ctrl+C works as always.
import { EXIT } from './exit-codes'

/**
 * Runs `work` with a signal that Ctrl+C aborts, or that `outer` aborts when given (tests, callers
 * that cancel on their own terms; Ctrl+C is then left alone).
 */
export async function cancellable<T>(
  outer: AbortSignal | undefined,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  if (outer) return work(outer)
  const controller = new AbortController()
  const onInterrupt = () => {
    if (controller.signal.aborted) process.exit(EXIT.cancelled)
    controller.abort()
  }
  process.on('SIGINT', onInterrupt)
  try {
    return await work(controller.signal)
  } finally {
    process.off('SIGINT', onInterrupt)
  }
}
