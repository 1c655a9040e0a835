// Reading many documents one after the other, a few at once: their file reads overlap instead of
// each waiting for the one before, and the results still come in the order asked for. Used by the
// exports (export-source.ts) and by the report's and the Overview's loads (report/report-data.ts).

/**
 * `read` of each of `items`, yielded in order, with up to `ahead` reads under way at once. A read
 * that fails throws where it is yielded; the reads started after it are not left unhandled.
 */
export async function* readAhead<T, R>(
  items: readonly T[],
  ahead: number,
  read: (item: T) => Promise<R>,
): AsyncGenerator<R> {
  const pending: Promise<R>[] = []
  let next = 0
  while (next < items.length || pending.length > 0) {
    while (pending.length < ahead && next < items.length) {
      const reading = read(items[next++])
      reading.catch(() => {}) // a failure is thrown where it is awaited, not left unhandled
      pending.push(reading)
    }
    yield await pending.shift()!
  }
}
