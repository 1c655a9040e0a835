// Whether the last interaction was the keyboard or a pointer. Chromium matches :focus-visible on a
// contenteditable however it got focus (typing is expected there), so the article's focus ring
// would show on every click; the article asks this instead, at the moment it receives focus, as
// the :focus-visible polyfill does.

let keyboard = false
let listening = false

function listen(): void {
  if (listening || typeof document === 'undefined') return
  listening = true
  document.addEventListener(
    'keydown',
    (event) => {
      if (!event.metaKey && !event.ctrlKey && !event.altKey) keyboard = true
    },
    true,
  )
  document.addEventListener('pointerdown', () => (keyboard = false), true)
}

/** True when the last interaction before the focus arriving now was a key (Tab, a shortcut). */
export function focusFromKeyboard(): boolean {
  listen()
  return keyboard
}

/** Starts tracking before the first focus, so the first click is seen. */
export function trackFocusModality(): void {
  listen()
}
