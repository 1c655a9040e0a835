// Drag and drop of files onto the window: shows an overlay while files are dragged over it and
// hands the dropped files to `onFiles`, which reads them (`readDroppedFiles`) where it can report
// a file that cannot be read (moved or deleted since the drag began). Only file drags are taken, so dragging
// text inside the article keeps working; the default (navigating to the file) is always prevented.
import { useRef, useState } from 'react'
import { useWindowEvent } from '../common/use-window-event'

export interface DroppedFile {
  name: string
  data: Uint8Array<ArrayBuffer>
}

/** Reads dropped files into memory; rejects if one cannot be read. */
export function readDroppedFiles(files: readonly File[]): Promise<DroppedFile[]> {
  return Promise.all(
    files.map(async (f) => ({ name: f.name, data: new Uint8Array(await f.arrayBuffer()) })),
  )
}

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files')
}

/** Returns true while files are dragged over the window. */
export function useFileDrop(enabled: boolean, onFiles: (files: File[]) => void): boolean {
  const [dragging, setDragging] = useState(false)
  // dragenter/dragleave fire for every child element crossed; count them to know when we left.
  const depth = useRef(0)

  useWindowEvent(
    'dragenter',
    (e) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      depth.current++
      if (enabled) setDragging(true)
    },
    true,
  )
  useWindowEvent(
    'dragover',
    (e) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      if (e.dataTransfer) e.dataTransfer.dropEffect = enabled ? 'copy' : 'none'
    },
    true,
  )
  useWindowEvent(
    'dragleave',
    (e) => {
      if (!hasFiles(e)) return
      depth.current = Math.max(0, depth.current - 1)
      if (depth.current === 0) setDragging(false)
    },
    true,
  )
  useWindowEvent(
    'drop',
    (e) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      e.stopPropagation()
      depth.current = 0
      setDragging(false)
      const files = Array.from(e.dataTransfer?.files ?? [])
      if (!enabled || files.length === 0) return
      onFiles(files)
    },
    true,
  )
  return dragging
}
