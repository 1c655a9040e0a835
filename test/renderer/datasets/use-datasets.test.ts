// Menu commands that open the dataset dialogs: File ▸ Export Dataset ▸ <format> names its format,
// "Export Dataset…" opens the dialog on its default, and other commands are not dataset commands.
import { describe, expect, it } from 'vitest'
import {
  exportCommandFormat,
  isDatasetCommand,
} from '../../../src/renderer/src/datasets/use-datasets'
import { EXPORT_FORMATS } from '../../../src/shared/ipc-contract'

describe('dataset menu commands', () => {
  it('reads the format of every export command', () => {
    for (const format of EXPORT_FORMATS) {
      expect(exportCommandFormat(`export-${format}`)).toBe(format)
      expect(isDatasetCommand(`export-${format}`)).toBe(true)
    }
    expect(exportCommandFormat('export-dataset')).toBeNull()
    expect(isDatasetCommand('import-annotations')).toBe(true)
  })

  it('leaves other commands alone', () => {
    for (const command of ['import', 'undo', 'new-project', 'toggle-snap'] as const) {
      expect(exportCommandFormat(command)).toBeUndefined()
      expect(isDatasetCommand(command)).toBe(false)
    }
  })
})
