// The Export dialog's option building: what the dialog sends is exactly what the format takes, so
// main's validator (the same one the CLI uses) accepts it for every format; and what it says each
// format writes.
import { describe, expect, it } from 'vitest'
import { exportFormats } from '../../../src/main/core/formats'
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

/** What main's `formats:list` says of a format. */
function listed(name: ExportFormatInfo['name']): ExportFormatInfo {
  const { extension, folderContents } = exportFormats[name]
  return { ...info(name), extension, ...(folderContents ? { folderContents } : {}) }
}

describe('outputText', () => {
  it('says what each folder format’s folder holds, and that its manifest is inside it', () => {
    const folders = Object.values(exportFormats).filter((f) => f.extension === '')
    expect(folders.map((f) => f.name).sort()).toEqual(['brat', 'conll', 'label-studio', 'w3c'])
    for (const f of folders) {
      const text = outputText(listed(f.name as ExportFormatInfo['name']), false)
      expect(f.folderContents).toBeTruthy()
      expect(text).toBe(`a folder holding ${f.folderContents}, with manifest.json inside it`)
    }
    expect(outputText(listed('label-studio'), false)).toContain('label-studio.json')
    expect(outputText(listed('w3c'), false)).toContain('.jsonld')
    expect(outputText(listed('w3c'), false)).not.toContain('.ann')
  })

  it('puts a file’s manifest beside it, and a brat zip holds the folder’s files', () => {
    expect(outputText({ ...info('jsonl'), extension: '.jsonl' }, false)).toBe(
      'one .jsonl file, with its manifest beside it (<file>.manifest.json)',
    )
    expect(outputText(listed('brat'), true)).toMatch(
      /^one \.zip file holding a \.txt and a \.ann file/,
    )
  })
})
