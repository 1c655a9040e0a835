import { afterEach, describe, expect, it } from 'vitest'
import { convertFile } from '../../../../src/main/core/import'
import {
  blockTexts,
  expectSoundBlocks,
  fixture,
  recordingServer,
  type RecordingServer,
} from './helpers'
import { buildDocx, declareSize, linkedPicture, para } from './docx-fixtures'

describe('a Word briefing saved by LibreOffice (briefing.docx)', async () => {
  const { document, notes } = await convertFile('briefing.docx', fixture('briefing.docx'))

  it('keeps title, headings, quotes, lists and paragraphs; footnotes follow as [n] paragraphs', () => {
    expect(document.title).toBe('Harbour expansion: briefing for the committee')
    expect(blockTexts(document)).toEqual([
      ['heading1', 'Harbour expansion: briefing for the committee'],
      ['heading1', 'Background'],
      [
        'paragraph',
        'The city council signed the harbour expansion deal on Tuesday, despite protests outside the town hall.[1] Officials said the deal would create 400 jobs.',
      ],
      ['heading2', 'What the deal says'],
      ['blockquote', 'The expansion will double the container capacity of the port by 2030.'],
      ['list_item', 'A new quay of 600 metres'],
      ['list_item', 'Dredging of the northern channel'],
      ['heading2', 'Next steps'],
      ['list_item', 'The union will appeal the decision.'],
      ['list_item', 'Sea Watch is considering legal action.[2]'],
      [
        'paragraph',
        'A spokesperson said the review had been “rushed and incomplete” — 🚀 emoji, café, and a right-to-left name, \u200fשלום\u200f, stay as written.',
      ],
      ['paragraph', '[1] Council minutes, 18 June 2024.'],
      ['paragraph', '[2] Statement by Sea Watch, 19 June 2024.'],
    ])
    expect(document.metadata).toEqual({ importedFrom: 'briefing.docx' })
    expectSoundBlocks(document)
  })

  it('accepts tracked changes, leaves the comment out, and says so', () => {
    expect(document.text).toContain('create 400 jobs') // inserted "400 ", deleted "about 300 "
    expect(document.text).not.toContain('about 300')
    expect(document.text).not.toContain('Check the date with the clerk')
    expect(notes).toEqual([
      '1 comment left out (comments are not article text)',
      'tracked changes accepted: 1 insertion kept, 1 deletion removed',
    ])
  })
})

describe('hostile or broken .docx files', () => {
  let server: RecordingServer | undefined
  afterEach(() => server?.close())

  it('fetch nothing: linked pictures, fields and attached templates stay unopened', async () => {
    server = await recordingServer('')
    const { base } = server
    const data = buildDocx({
      body:
        para('Linked report', 'Heading1') +
        para('The text of the report.') +
        linkedPicture('rIdImg') +
        `<w:p><w:fldSimple w:instr='INCLUDEPICTURE "${base}/field.png" \\d'><w:r><w:t>field</w:t></w:r></w:fldSimple></w:p>` +
        `<w:p><w:hyperlink r:id="rIdLink"><w:r><w:t>a link</w:t></w:r></w:hyperlink></w:p>`,
      rels: [
        ['rIdImg', 'image', `${base}/img.png`, true],
        ['rIdLink', 'hyperlink', `${base}/page`, true],
      ],
      template: `${base}/template.dotx`,
    })
    const { document, notes } = await convertFile('linked.docx', data)
    expect(blockTexts(document)).toEqual([
      ['heading1', 'Linked report'],
      ['paragraph', 'The text of the report.'],
      // mammoth leaves out an INCLUDEPICTURE field's placeholder text with the picture.
      ['paragraph', 'a link'],
    ])
    expect(notes).toEqual([
      '2 external references (linked files, templates or images) not opened or fetched',
    ])
    expect(await server.requestsAfterProbe()).toEqual(['/probe'])
  })

  it('refuses a package that would unpack to more than 500 MB, before unpacking it', async () => {
    const data = declareSize(buildDocx({ body: para('x') }), 'word/document.xml', 2 ** 31)
    await expect(convertFile('bomb.docx', data)).rejects.toThrow(
      /^bomb\.docx: unpacks to more than 500 MB; it is not an ordinary document$/,
    )
  })

  it('names the file and the problem for a file that is not a Word package', async () => {
    await expect(convertFile('notes.docx', new TextEncoder().encode('plain text'))).rejects.toThrow(
      /^notes\.docx: is not a Word document \(\.docx is a zip package\)$/,
    )
    const { zipSync, strToU8 } = await import('fflate')
    await expect(convertFile('other.docx', zipSync({ 'a.txt': strToU8('a') }))).rejects.toThrow(
      /^other\.docx: is not a Word document \(it has no word\/document\.xml\)$/,
    )
  })
})
