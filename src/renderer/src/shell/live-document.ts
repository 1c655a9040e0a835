// What changes with every edit of the open document, kept out of the shell's React state: the
// annotations as of the editor's last change and the selected span. Each is a store that only the
// components showing it subscribe to (the annotation panel, the registry dialog while open), so a
// tag, a change or a click on a highlight re-renders them and not the whole window.
import type { Annotations } from '../../../shared/model'
import { ValueStore } from '../common/value-store'

/**
 * The open document's annotations as of the editor's last change, and its selected span: each a
 * store, read by the components that show them.
 */
export class LiveDocument {
  readonly annotations = new ValueStore<Annotations | null>(null)
  readonly selectedId = new ValueStore<string | null>(null)

  /** Another document (or none): its annotations as loaded, nothing selected. */
  reset(annotations: Annotations | null): void {
    this.selectedId.set(null)
    this.annotations.set(annotations)
  }

  readonly select = (spanId: string | null): void => this.selectedId.set(spanId)
}
