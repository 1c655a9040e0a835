// The native Import Documents dialog offers every format the importers read, PDF and Word
// included, and allows several files at once.
import type { OpenDialogOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'

const asked: OpenDialogOptions[] = []
vi.mock('electron', () => ({
  app: { getPath: () => '/home/analyst/Documents' },
  dialog: {
    showOpenDialog: async (options: OpenDialogOptions) => {
      asked.push(options)
      return { canceled: false, filePaths: ['/tmp/a.pdf', '/tmp/b.docx'] }
    },
  },
}))
const { createElectronDialogs } = await import('../../src/main/dialogs')

describe('the Import Documents dialog', () => {
  it('filters for .pdf and .docx beside the text formats, and picks several files', async () => {
    const chosen = await createElectronDialogs(() => null).chooseImportFiles()
    expect(chosen).toEqual(['/tmp/a.pdf', '/tmp/b.docx'])
    const [options] = asked
    expect(options?.properties).toEqual(expect.arrayContaining(['openFile', 'multiSelections']))
    const articles = options?.filters?.[0]
    expect(articles?.name).toMatch(/PDF.*Word/)
    expect(articles?.extensions).toEqual(
      expect.arrayContaining(['pdf', 'docx', 'html', 'htm', 'md', 'txt']),
    )
  })
})
