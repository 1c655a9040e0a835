// The menu template per platform and build: packaged builds lose reload and devtools, macOS gets
// the app menu (and no Quit in File), and every document command reaches the renderer.
import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import type { MenuCommand } from '../../src/shared/ipc-contract'

vi.mock('electron', () => ({ Menu: {} }))
const { buildMenuTemplate } = await import('../../src/main/menu')

function build(over: { isMac?: boolean; isPackaged?: boolean; recent?: string[] } = {}) {
  const sent: MenuCommand[] = []
  const opened: string[] = []
  const template = buildMenuTemplate({
    isMac: over.isMac ?? false,
    isPackaged: over.isPackaged ?? true,
    recent: over.recent ?? [],
    send: (command) => sent.push(command),
    openRecent: (dir) => opened.push(dir),
  })
  return { template, sent, opened }
}

const sub = (item: MenuItemConstructorOptions | undefined) =>
  (item?.submenu ?? []) as MenuItemConstructorOptions[]
const byLabel = (items: MenuItemConstructorOptions[], label: string) =>
  items.find((i) => i.label === label)

function clickAll(items: MenuItemConstructorOptions[]): void {
  for (const item of items) {
    ;(item.click as (() => void) | undefined)?.()
    clickAll(sub(item))
  }
}

describe('buildMenuTemplate', () => {
  it('has no reload or developer tools in a packaged build', () => {
    const roles = (t: MenuItemConstructorOptions[]) => sub(byLabel(t, 'View')).map((i) => i.role)
    expect(roles(build({ isPackaged: true }).template)).not.toContain('reload')
    expect(roles(build({ isPackaged: true }).template)).not.toContain('toggleDevTools')
    expect(roles(build({ isPackaged: false }).template)).toContain('toggleDevTools')
  })

  it('puts the app menu first on macOS and Quit in File elsewhere', () => {
    const mac = build({ isMac: true }).template
    expect(mac[0].role).toBe('appMenu')
    expect(sub(byLabel(mac, 'File')).map((i) => i.role)).not.toContain('quit')
    const other = build({ isMac: false }).template
    expect(other[0].label).toBe('File')
    expect(sub(byLabel(other, 'File')).map((i) => i.role)).toContain('quit')
  })

  it('sends every document command to the renderer, and opens recent projects in main', () => {
    const { template, sent, opened } = build({ recent: ['/p/one', '/p/two'] })
    clickAll(template)
    expect(sent.sort()).toEqual(
      [
        'new-project',
        'open-project',
        'import',
        'paste-article',
        'import-annotations',
        'export-dataset',
        'export-jsonl',
        'export-csv',
        'export-xlsx',
        'export-doccano',
        'export-label-studio',
        'export-brat',
        'export-w3c',
        'export-conll',
        'export-spacy',
        'export-qdpx',
        'analyst-report',
        'close-project',
        'undo',
        'redo',
        'toggle-snap',
      ].sort(),
    )
    expect(opened).toEqual(['/p/one', '/p/two'])
  })

  it('shows Paste Article’s key but leaves it to the page (a text field pastes plain text)', () => {
    const file = sub(byLabel(build().template, 'File'))
    expect(byLabel(file, 'Paste Article…')).toMatchObject({
      accelerator: 'CmdOrCtrl+Shift+V',
      registerAccelerator: false,
    })
  })

  it('shows Undo and Redo keys but leaves the key presses to the page', () => {
    const edit = sub(byLabel(build().template, 'Edit'))
    for (const label of ['Undo', 'Redo']) {
      expect(byLabel(edit, label)).toMatchObject({ registerAccelerator: false })
      expect(byLabel(edit, label)?.accelerator).toBeTruthy()
    }
  })

  it('shows a disabled placeholder when there are no recent projects', () => {
    const recent = sub(byLabel(sub(byLabel(build().template, 'File')), 'Open Recent'))
    expect(recent).toEqual([{ label: 'No Recent Projects', enabled: false }])
  })
})
