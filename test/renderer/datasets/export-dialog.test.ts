// The Export dialog's option building: what the dialog sends is exactly what the format takes, so
// main's validator (the same one the CLI uses) accepts it for every format; and what it says each
// format writes.
import { describe, expect, it } from 'vitest'
import {
  chosenOffsetUnit,
  exportOptions,
  outputText,
} from '../../../src/renderer/src/datasets/export-dialog'
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
        { zip: true, layer: 'claim', escapeFormulas: false, offsetUnit: 'codepoint' as const },
        { zip: false, layer: '', escapeFormulas: true, offsetUnit: 'utf16' as const },
      ]) {
        const options = exportOptions(info(format), choice)
        expect(parseExportOptions(format, options)).toEqual(options)
      }
    }
  })

  it('maps the dialog’s choices onto brat, CoNLL, CSV and JSONL options', () => {
    const choice = {
      zip: true,
      layer: 'claim',
      escapeFormulas: false,
      offsetUnit: 'codepoint' as const,
    }
    expect(exportOptions(info('jsonl'), choice)).toEqual({ offsetUnit: 'codepoint' })
    expect(exportOptions(info('jsonl'), { ...choice, offsetUnit: 'utf16' })).toEqual({
      offsetUnit: 'utf16',
    })
    expect(chosenOffsetUnit({ ...info('jsonl'), offsetUnit: 'utf16' }, choice)).toBe('codepoint')
    expect(chosenOffsetUnit(info('csv'), { ...choice, offsetUnit: 'utf16' })).toBe('codepoint')
    expect(exportOptions(info('brat'), choice)).toEqual({ zip: true })
    expect(exportOptions(info('conll'), choice)).toEqual({ layer: 'claim' })
    expect(exportOptions(info('conll'), { ...choice, layer: '' })).toEqual({})
    expect(exportOptions(info('csv'), choice)).toEqual({ escapeFormulas: false })
    expect(exportOptions(info('w3c'), choice)).toEqual({})
  })
})

/** A folder format as main's `formats:list` gives it (datasets-handlers.test checks main's side). */
const folderInfo = (name: ExportFormatInfo['name'], folderContents: string): ExportFormatInfo => ({
  ...info(name),
  folderContents,
})

describe('outputText', () => {
  it('says what a folder format’s folder holds, and that its manifest is inside it', () => {
    const ls = folderInfo('label-studio', 'label-studio.json and label-studio-config.xml')
    expect(outputText(ls, false)).toBe(
      'a folder holding label-studio.json and label-studio-config.xml, with manifest.json inside it',
    )
    const w3c = folderInfo('w3c', 'a .jsonld and a .txt file per document')
    expect(outputText(w3c, false)).not.toContain('.ann')
    expect(outputText(info('conll'), false)).toBe(
      'a folder holding files, with manifest.json inside it',
    )
  })

  it('puts a file’s manifest beside it, and a brat zip holds the folder’s files', () => {
    expect(outputText({ ...info('jsonl'), extension: '.jsonl' }, false)).toBe(
      'one .jsonl file, with its manifest beside it (<file>.manifest.json)',
    )
    const brat = folderInfo('brat', 'a .txt and a .ann file per document')
    expect(outputText(brat, true)).toBe(
      'one .zip file holding a .txt and a .ann file per document, with its manifest beside it (<file>.manifest.json)',
    )
  })
})
