// Code the first screen does not need (views shown later, dialogs), in chunks of their own: the
// page's start-up script then has less to fetch, parse and evaluate before it shows the article.
// A `LaterCode` is one such dynamic import(), loaded once and kept. Whether it is in is a store
// (read with useSyncExternalStore), so a synchronous render puts the code in as soon as it arrives,
// before anything waiting for it (a view switch, shell/split-code.ts) shows it, in the same task:
// no frame shows a view empty. A chunk that cannot be loaded (a damaged install) is a `failure`
// the shell shows, naming what it holds and the file, with Try again (shell/code-failures.tsx).
import { useEffect, useRef, type ReactNode } from 'react'
import { useStoreValue, ValueStore } from './value-store'

/** A module loaded on demand: `loaded` holds it once it is in (null until then). */
export class LaterCode<M> {
  readonly loaded = new ValueStore<M | null>(null)
  /** The last load's error, until a load is tried again (null: none failed). */
  readonly failure = new ValueStore<Error | null>(null)
  private loading: Promise<M> | null = null

  /** `name` says what the code is for, as a notice names it ("the Claims and Sources views"). */
  constructor(
    readonly name: string,
    private readonly importer: () => Promise<M>,
  ) {}

  /** Loads the module (once; again after a failure); resolves once `loaded` holds it. */
  load(): Promise<M> {
    if (this.loading) return this.loading
    this.failure.set(null)
    this.loading = this.importer().then(
      (module) => {
        this.loaded.set(module)
        return module
      },
      (error: unknown) => {
        this.loading = null
        this.failure.set(error instanceof Error ? error : new Error(String(error)))
        throw error
      },
    )
    return this.loading
  }
}

interface LaterProps<M> {
  code: LaterCode<M>
  /**
   * Load the code when this is rendered (a dialog opened). False: it comes with the preload after
   * the first screen or with the switch that shows it (see split-code.ts).
   */
  load?: boolean
  /** What stands in until the code is in. */
  fallback?: ReactNode
  /** What stands in while its load has failed (default: `fallback`). */
  failed?: ReactNode
  children: (module: M) => ReactNode
}

/**
 * `children` rendered with the module once it is in, `fallback` until then, `failed` while its
 * load has failed (the shell's notice says why and offers to try again).
 */
export function Later<M>({ code, load = true, fallback = null, failed, children }: LaterProps<M>) {
  const module = useStoreValue(code.loaded)
  const failure = useStoreValue(code.failure)
  // Mounted (a dialog opened) after a failed load: that is asked again once, not after each failure.
  const asked = useRef(false)
  useEffect(() => {
    if (!load || module || (failure && asked.current)) return
    asked.current = true
    // A failure is the code's `failure`, shown by the shell; logged here for the developer.
    code.load().catch(console.error)
  }, [code, load, module, failure])
  if (module) return children(module)
  return failure && failed !== undefined ? failed : fallback
}
