// The Export dialog's option building: what the dialog sends is exactly what the format takes, so
// main's validator (the same one the CLI uses) accepts it for every format.
import { describe, expect, it } from 'vitest'
import { exportOptions } from '../../../src/renderer/src/datasets/export-dialog'
import { exportOptionSchemas, parseExportOptions } from '../../../src/shared/export-options'
import { EXPORT_FORMATS, type ExportFormatInfo } from '../../../src/shared/ipc-contract'

const info = (name: ExportFormatInfo['name']): ExportFormatInfo => ({
  name,
  label: name,
  extension: '',
  offsetUnit: 'codepoint',
  options: Object.keys(exportOptionSchemas[name].shape),
})

describe('exportOptions', () => {
  it('sends only the options a format takes, and main accepts them for every format', () => {
    for (const format of EXPORT_FORMATS) {
      for (const choice of [
        { zip: true, layer: 'claim', escapeFormulas: false },
        { zip: false, layer: '', escapeFormulas: true },
      ]) {
        const options = exportOptions(info(format), choice)
        expect(parseExportOptions(format, options)).toEqual(options)
      }
    }
  })

  it('maps the dialog’s choices onto brat, CoNLL and CSV options', () => {
    const choice = { zip: true, layer: 'claim', escapeFormulas: false }
    expect(exportOptions(info('brat'), choice)).toEqual({ zip: true })
    expect(exportOptions(info('conll'), choice)).toEqual({ layer: 'claim' })
    expect(exportOptions(info('conll'), { ...choice, layer: '' })).toEqual({})
    expect(exportOptions(info('csv'), choice)).toEqual({ escapeFormulas: false })
    expect(exportOptions(info('w3c'), choice)).toEqual({})
  })
})
