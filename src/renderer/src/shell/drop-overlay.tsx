// Shown while files are dragged over the window.

/** The "drop to import" overlay. */
export function DropOverlay() {
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-card">Drop files to import them into the project</div>
    </div>
  )
}
