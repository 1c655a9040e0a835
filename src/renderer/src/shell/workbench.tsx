// The three resizable panes of an open project: documents, article, annotations.
// Resizing uses react-resizable-panels (well kept, small, no dependencies): its separators are
// WAI-ARIA window splitters that take focus and resize with the arrow keys, Home and End, which a
// hand-written pointer splitter would have to reimplement. Pane sizes are remembered locally.
import type { ReactNode } from 'react'
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels'

interface WorkbenchProps {
  documents: ReactNode
  article: ReactNode
  panel: ReactNode
}

/** Lays out the three panes with keyboard-accessible splitters between them. */
export function Workbench({ documents, article, panel }: WorkbenchProps) {
  const layout = useDefaultLayout({ id: 'marginalia-panes', storage: safeStorage() })
  return (
    <Group
      orientation="horizontal"
      className="workbench"
      defaultLayout={layout.defaultLayout}
      onLayoutChanged={layout.onLayoutChanged}
    >
      <Panel id="documents" defaultSize="19%" minSize="160px" maxSize="40%" className="pane">
        {documents}
      </Panel>
      <Separator className="splitter" aria-label="Resize the documents pane" />
      <Panel id="article" minSize="320px" className="pane">
        {article}
      </Panel>
      <Separator className="splitter" aria-label="Resize the annotations pane" />
      <Panel id="annotations" defaultSize="27%" minSize="240px" maxSize="50%" className="pane">
        {panel}
      </Panel>
    </Group>
  )
}

/** localStorage, or nothing where it is unavailable (layout then starts from the defaults). */
function safeStorage(): Storage | undefined {
  try {
    return window.localStorage
  } catch {
    return undefined
  }
}
