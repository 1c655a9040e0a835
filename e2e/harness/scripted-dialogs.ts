// Native dialogs, scripted: a test says what the next dialog of a kind returns, and the harness
// records every dialog the app opened. A dialog with nothing scripted is cancelled, as a user
// pressing Escape would, so a test never hangs on an unexpected dialog.
import type { UnsavedChoice } from '../../src/main/unsaved-guard'

/** What each dialog returns: a path (or paths), or null when cancelled; a yes/no for confirms. */
export interface DialogResults {
  chooseNewProjectDir: string | null
  chooseProjectDir: string | null
  chooseImportFiles: string[] | null
  chooseExportPath: string | null
  chooseAnnotationSource: string[] | null
  chooseMergeSource: string | null
  confirmOpenExternal: boolean
  chooseSavePath: string | null
  askUnsaved: UnsavedChoice
  chooseCopyPath: string | null
}
export type DialogKind = keyof DialogResults

const CANCELLED: DialogResults = {
  chooseNewProjectDir: null,
  chooseProjectDir: null,
  chooseImportFiles: null,
  chooseExportPath: null,
  chooseAnnotationSource: null,
  chooseMergeSource: null,
  confirmOpenExternal: false,
  chooseSavePath: null,
  // Unscripted, the "Not saved" question keeps the window open, as Cancel does.
  askUnsaved: 'cancel',
  chooseCopyPath: null,
}

/** The `dialogs` of the handler context, answered from per-kind queues. */
export class ScriptedDialogs {
  private readonly queues = new Map<DialogKind, unknown[]>()
  /** Every dialog opened, in order, with its arguments. */
  readonly opened: { kind: DialogKind; args: unknown[] }[] = []

  /** Queues the result of the next dialog of `kind`. */
  next<K extends DialogKind>(kind: K, result: DialogResults[K]): void {
    const queue = this.queues.get(kind) ?? []
    queue.push(result)
    this.queues.set(kind, queue)
  }

  private answer<K extends DialogKind>(kind: K, args: unknown[]): Promise<DialogResults[K]> {
    this.opened.push({ kind, args })
    const queue = this.queues.get(kind)
    const result = queue && queue.length > 0 ? queue.shift() : CANCELLED[kind]
    return Promise.resolve(result as DialogResults[K])
  }

  chooseNewProjectDir = (name: string) => this.answer('chooseNewProjectDir', [name])
  chooseProjectDir = () => this.answer('chooseProjectDir', [])
  chooseImportFiles = () => this.answer('chooseImportFiles', [])
  chooseExportPath = (format: string, defaultName: string, extension?: string) =>
    this.answer('chooseExportPath', [format, defaultName, extension])
  chooseAnnotationSource = (format: string, source: string, extensions: string[]) =>
    this.answer('chooseAnnotationSource', [format, source, extensions])
  chooseMergeSource = (source: 'folder' | 'jsonl') => this.answer('chooseMergeSource', [source])
  confirmOpenExternal = (url: string) => this.answer('confirmOpenExternal', [url])
  chooseSavePath = (options: { title: string; defaultName: string }) =>
    this.answer('chooseSavePath', [options])
  askUnsaved = (message: string, action: 'close' | 'quit', note?: string) =>
    this.answer('askUnsaved', [message, action, note])
  chooseCopyPath = (defaultName: string) => this.answer('chooseCopyPath', [defaultName])
}
