// Code the first screen does not need (views shown later, dialogs), in chunks of their own: the
// page's start-up script then has less to fetch, parse and evaluate before it shows the article.
// A `LaterCode` is one such dynamic import(), loaded once and kept. Whether it is in is a store
// (read with useSyncExternalStore), so a synchronous render puts the code in as soon as it arrives,
// before anything waiting for it (a view switch, shell/split-code.ts) shows it, in the same task:
// no frame shows a view empty.
import { useEffect, type ReactNode } from 'react'
import { useStoreValue, ValueStore } from './value-store'

/** A module loaded on demand: `loaded` holds it once it is in (null until then). */
export class LaterCode<M> {
  readonly loaded = new ValueStore<M | null>(null)
  private loading: Promise<M> | null = null

  constructor(private readonly importer: () => Promise<M>) {}

  /** Loads the module (once; again after a failure); resolves once `loaded` holds it. */
  load(): Promise<M> {
    this.loading ??= this.importer().then(
      (module) => {
        this.loaded.set(module)
        return module
      },
      (error: unknown) => {
        this.loading = null
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
  children: (module: M) => ReactNode
}

/** `children` rendered with the module once it is in, `fallback` until then. */
export function Later<M>({ code, load = true, fallback = null, children }: LaterProps<M>) {
  const module = useStoreValue(code.loaded)
  useEffect(() => {
    if (load && !module) code.load().catch(console.error)
  }, [code, load, module])
  return module ? children(module) : fallback
}
