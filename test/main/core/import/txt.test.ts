import { describe, expect, it } from 'vitest'
import { ImportError, importDocumentFile } from '../../../../src/main/core/import'
import { blockTexts, expectSoundBlocks, fixture, utf8 } from './helpers'

describe('importing .txt', () => {
  it('removes the BOM, turns CRLF into LF and keeps the rest of the text exactly', () => {
    const doc = importDocumentFile('bom-crlf.txt', fixture('bom-crlf.txt'))
    expect(doc.text).toBe('Title line\n\nFirst paragraph,\nsecond line.\n\nCafé 😀 end.\n')
    expect(doc.title).toBe('Title line')
    expect(doc.metadata).toEqual({ importedFrom: 'bom-crlf.txt' })
    expect(blockTexts(doc)).toEqual([
      ['heading1', 'Title line'],
      ['paragraph', 'First paragraph,\nsecond line.'],
      ['paragraph', 'Café 😀 end.'],
    ])
    expectSoundBlocks(doc)
  })

  it('gives the same document with or without a BOM', () => {
    const withBom = fixture('bom-crlf.txt')
    expect([...withBom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const withoutBom = withBom.subarray(3)
    expect(importDocumentFile('a.txt', withoutBom)).toEqual(importDocumentFile('a.txt', withBom))
  })

  it('turns lone CR line ends into LF and does not normalise Unicode', () => {
    // "e" + combining acute (decomposed) must stay decomposed: offsets depend on it.
    const doc = importDocumentFile('old-mac.txt', utf8('Cafe\u0301 one\rline two\r\rnext'))
    expect(doc.text).toBe('Cafe\u0301 one\nline two\n\nnext')
    expect(blockTexts(doc)).toEqual([
      ['heading1', 'Cafe\u0301 one'],
      ['paragraph', 'line two'],
      ['paragraph', 'next'],
    ])
  })

  it('makes the title line a level-1 heading with the same text and offsets, trimmed', () => {
    const text = '  Council approves crossing \nBy A. Writer\n\nBody text.'
    const doc = importDocumentFile('t.txt', utf8(text))
    expect(doc.title).toBe('Council approves crossing')
    expect(doc.text).toBe(text)
    expect(doc.blocks[0]).toEqual({ type: 'heading', level: 1, start: 2, end: 27 })
    expect(blockTexts(doc)).toEqual([
      ['heading1', 'Council approves crossing'],
      ['paragraph', 'By A. Writer'],
      ['paragraph', 'Body text.'],
    ])
    expectSoundBlocks(doc)
  })

  it('keeps the first block a paragraph when the first line is too long to be the title', () => {
    const doc = importDocumentFile('long.txt', utf8(`${'word '.repeat(50).trim()}\n\nmore`))
    expect(doc.blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph'])
  })

  it('splits paragraphs on blank lines that contain only spaces or tabs', () => {
    const doc = importDocumentFile('p.txt', utf8('  indented\n \t \nsecond\n\n\n\nthird'))
    expect(blockTexts(doc).map(([, t]) => t)).toEqual(['indented', 'second', 'third'])
  })

  it('uses the file name as the title when the first line is longer than 200 characters', () => {
    const doc = importDocumentFile('dir/long-one.txt', utf8(`${'word '.repeat(50)}\n\nmore`))
    expect(doc.title).toBe('long-one')
    expect(doc.metadata.importedFrom).toBe('long-one.txt')
  })

  it('reports invalid UTF-8 with the file name and the offset of the bad byte', () => {
    expect(() => importDocumentFile('invalid-utf8.txt', fixture('invalid-utf8.txt'))).toThrow(
      'invalid-utf8.txt: is not valid UTF-8 (first bad byte at offset 11)',
    )
  })

  it('reports UTF-16 files, binary files and empty files as ImportError naming the file', () => {
    const cases: [string, Uint8Array, string][] = [
      ['u16.txt', new Uint8Array([0xff, 0xfe, 0x41, 0x00]), 'UTF-16'],
      ['bin.txt', new Uint8Array([0x41, 0x00, 0x42]), 'NUL'],
      ['blank.txt', fixture('blank.txt'), 'is empty'],
      ['zero.txt', new Uint8Array(), 'is empty'],
    ]
    for (const [name, data, problem] of cases) {
      let caught: unknown
      try {
        importDocumentFile(name, data)
      } catch (error) {
        caught = error
      }
      expect(caught).toBeInstanceOf(ImportError)
      expect((caught as ImportError).file).toBe(name)
      expect((caught as ImportError).message).toMatch(new RegExp(`^${name}: .*${problem}`))
    }
  })

  it('refuses unknown extensions with a message naming the file and the known types', () => {
    expect(() => importDocumentFile('slides.pptx', utf8('x'))).toThrow(
      /^slides\.pptx: cannot import "\.pptx" files \(known: \.txt, \.md, \.markdown, \.html, \.htm, \.pdf, \.docx\)$/,
    )
    expect(() => importDocumentFile('README', utf8('x'))).toThrow(/files without an extension/)
  })

  it('chooses the importer by extension regardless of case', () => {
    expect(importDocumentFile('NOTES.TXT', utf8('*not markdown*')).text).toBe('*not markdown*')
    expect(importDocumentFile('NOTES.MD', utf8('*is markdown*')).text).toBe('is markdown')
  })
})
