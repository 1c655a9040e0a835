// The XML-based outputs (REFI-QDA project, XLSX parts, Label Studio config) are well-formed XML even
// with markup characters and control characters in names and text, and hold what they should.
import { unzipSync } from 'fflate'
import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { labelStudioFormat } from '../../../../src/main/core/formats/label-studio'
import { guidOf, qdpxFormat } from '../../../../src/main/core/formats/qdpx'
import { columnName, xlsxFormat } from '../../../../src/main/core/formats/xlsx'
import { asText, makeDoc, makeInput, rangeOf, testSchema } from './fixtures'

const parser = new new JSDOM('').window.DOMParser()
function parseXml(xml: string): Document {
  const dom = parser.parseFromString(xml, 'application/xml')
  const error = dom.getElementsByTagName('parsererror')[0]
  if (error) throw new Error(`not well-formed: ${error.textContent}`)
  return dom
}

const text = 'A <b>&amp</b> "quote" \u0007bell here. Source X'
const doc = makeDoc(
  'd1',
  text,
  [
    {
      ...rangeOf(text, '<b>&amp</b> "quote"'),
      layer: 'claim',
      label: 'Claim',
      attributes: { note: 'a & b < c' },
    },
    { ...rangeOf(text, '\u0007bell'), layer: 'claim', label: 'Claim' },
    { ...rangeOf(text, 'Source X'), layer: 'source', label: 'Source' },
  ],
  [{ from: 0, to: 2 }],
  {},
  'Title with <angle> & "quotes"',
)
const input = makeInput([doc])

describe('REFI-QDA', () => {
  const out = qdpxFormat.export(input)
  const zip = unzipSync(out.files[0].data as Uint8Array)
  const qde = parseXml(new TextDecoder().decode(zip['project.qde']))

  it('is a well-formed project with a codebook from the schema', () => {
    const root = qde.documentElement
    expect([root.localName, root.namespaceURI]).toEqual(['Project', 'urn:QDA-XML:project:1.0'])
    const layerCodes = [...qde.querySelectorAll('CodeBook > Codes > Code')]
    expect(
      layerCodes.map((c) => [
        c.getAttribute('name'),
        c.getAttribute('isCodable'),
        c.getAttribute('color'),
      ]),
    ).toEqual([
      ['Claim', 'false', '#2563eb'],
      ['Source', 'false', '#d97706'],
      ['Sentiment', 'false', '#db2777'],
    ])
    const source = layerCodes[1].querySelector('Code')!
    expect([
      source.getAttribute('name'),
      source.getAttribute('isCodable'),
      source.getAttribute('color'),
    ]).toEqual(['Source', 'true', '#aa7700'])
  })

  it('codes each selection with its label’s code and links relations, with stable GUIDs', () => {
    const textSource = qde.querySelector('TextSource')!
    expect(textSource.getAttribute('name')).toBe(doc.document.title)
    const path = textSource.getAttribute('plainTextPath')!
    expect(new TextDecoder().decode(zip[`Sources/${path.replace('internal://', '')}`])).toBe(text)
    const selections = [...qde.querySelectorAll('PlainTextSelection')]
    expect(selections).toHaveLength(3)
    const codeGuid = guidOf('p1', 'code', 'source/Source')
    expect(selections[2].querySelector('CodeRef')!.getAttribute('targetGUID')).toBe(codeGuid)
    expect(selections[0].querySelector('Description')!.textContent).toBe('note: a & b < c')
    const link = qde.querySelector('Links > Link')!
    expect([link.getAttribute('originGUID'), link.getAttribute('targetGUID')]).toEqual([
      selections[0].getAttribute('guid'),
      selections[2].getAttribute('guid'),
    ])
    for (const el of qde.querySelectorAll('[guid]')) {
      expect(el.getAttribute('guid')).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      )
    }
    const again = unzipSync(qdpxFormat.export(input).files[0].data as Uint8Array)
    const guids = (d: Document) =>
      [...d.querySelectorAll('[guid]')].map((e) => e.getAttribute('guid'))
    expect(guids(parseXml(new TextDecoder().decode(again['project.qde'])))).toEqual(guids(qde))
  })

  it('writes the attributes of a selection and its coding in order, the user only when named', () => {
    const anonymous = structuredClone(doc)
    anonymous.annotations.spans[2].annotator = ''
    const zipped = qdpxFormat.export(makeInput([anonymous])).files[0].data as Uint8Array
    const parsed = parseXml(new TextDecoder().decode(unzipSync(zipped)['project.qde']))
    const selections = [...parsed.querySelectorAll('PlainTextSelection')]
    const names = (e: Element) => e.getAttributeNames().join(' ')
    const selection = 'guid name startPosition endPosition creatingUser creationDateTime'
    expect(selections.map(names)).toEqual([
      `${selection} modifiedDateTime`,
      `${selection} modifiedDateTime`,
      'guid name startPosition endPosition creationDateTime modifiedDateTime',
    ])
    const codings = selections.map((s) => s.querySelector('Coding')!)
    expect(codings.map(names)).toEqual([
      'guid creatingUser creationDateTime',
      'guid creatingUser creationDateTime',
      'guid creationDateTime',
    ])
    const user = parsed.querySelector('Users > User')!
    expect(selections[0].getAttribute('creatingUser')).toBe(user.getAttribute('guid'))
    expect(selections[0].getAttribute('name')).toBe('<b>&amp</b> "quote"')
    expect(selections[0].getAttribute('creationDateTime')).toBe(doc.annotations.spans[0].createdAt)
  })

  it('replaces characters XML cannot hold in a selection name', () => {
    expect(qde.querySelectorAll('PlainTextSelection')[1].getAttribute('name')).toBe('\uFFFDbell')
  })

  it('cuts a long selection name between grapheme clusters, never inside an emoji sequence', () => {
    const family = '\u{1F469}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}'
    // Unit 57 falls inside the family (a ZWJ sequence) in one quote, inside a surrogate pair in the
    // other: each name keeps only whole clusters before the cut.
    const quotes = [
      `${'a'.repeat(55)}${family} said more`,
      `${'b'.repeat(56)}\u{1F680} lift-off now`,
    ]
    const long = quotes.join(' | ')
    const spans = quotes.map((q) => ({ ...rangeOf(long, q), layer: 'claim', label: 'Claim' }))
    const zip = qdpxFormat.export(makeInput([makeDoc('d2', long, spans)])).files[0].data
    const names = [
      ...parseXml(asText(unzipSync(zip as Uint8Array)['project.qde'])).querySelectorAll(
        'PlainTextSelection',
      ),
    ].map((e) => e.getAttribute('name'))
    expect(names).toEqual([`${'a'.repeat(55)}...`, `${'b'.repeat(56)}...`])
  })
})

describe('XLSX', () => {
  const out = xlsxFormat.export(input)
  const zip = unzipSync(out.files[0].data as Uint8Array)

  it('has every part well-formed and one sheet per layer', () => {
    expect(Object.keys(zip)).toHaveLength(8)
    for (const bytes of Object.values(zip)) parseXml(new TextDecoder().decode(bytes))
    const workbook = parseXml(new TextDecoder().decode(zip['xl/workbook.xml']))
    expect([...workbook.getElementsByTagName('sheet')].map((s) => s.getAttribute('name'))).toEqual([
      'Claim',
      'Source',
      'Sentiment',
    ])
  })

  it('uses the CSV columns: attributes between end and entity, then relations', () => {
    const sheet = parseXml(new TextDecoder().decode(zip['xl/worksheets/sheet1.xml']))
    const rows = [...sheet.getElementsByTagName('row')].map((r) =>
      [...r.getElementsByTagName('c')].map((c) => c.textContent),
    )
    expect(rows[0]).toEqual([
      'document_id',
      'document_title',
      'span_id',
      'layer',
      'label',
      'text',
      'start',
      'end',
      'checkability',
      'verified',
      'note',
      'kind',
      'intensity',
      'score',
      'entity',
      'relations',
      'annotator',
    ])
    expect(rows[1].slice(0, 8)).toEqual([
      'd1',
      doc.document.title,
      doc.annotations.spans[0].id,
      'claim',
      'Claim',
      '<b>&amp</b> "quote"',
      '2',
      '21',
    ])
    expect(rows[1]).toContain('a & b < c')
    expect(out.manifest.losses).toContainEqual({
      what: 'characters XML cannot hold',
      count: 1,
      reason: expect.any(String),
    })
  })

  it('names columns past Z', () => {
    expect([0, 25, 26, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA'])
  })
})

describe('Label Studio config', () => {
  const out = labelStudioFormat.export(input)
  const config = parseXml(asText(out.files.find((f) => f.path === 'label-studio-config.xml')!.data))

  it('has a Labels control per layer, per-region controls per attribute, relations and label sets', () => {
    const names = (tag: string) =>
      [...config.getElementsByTagName(tag)].map((e) => e.getAttribute('name'))
    expect(names('Labels')).toEqual(testSchema().layers.map((l) => l.id))
    expect(names('Choices')).toEqual([
      'claim.checkability',
      'claim.verified',
      'source.kind',
      'overall',
    ])
    expect(names('TextArea')).toEqual(['claim.note', 'source.note'])
    expect(names('Number')).toEqual(['sentiment.intensity', 'sentiment.score'])
    expect(
      [...config.getElementsByTagName('Relation')].map((e) => e.getAttribute('value')),
    ).toEqual(['attributed_to'])
  })

  it('writes per-region attributes as results sharing the region id', () => {
    const [task] = JSON.parse(asText(out.files.find((f) => f.path === 'label-studio.json')!.data))
    const region = doc.annotations.spans[0].id
    const results = task.annotations[0].result.filter((r: { id?: string }) => r.id === region)
    expect(results.map((r: { type: string; from_name: string }) => [r.type, r.from_name])).toEqual([
      ['labels', 'claim'],
      ['textarea', 'claim.note'],
    ])
    expect(task.data).toMatchObject({
      title: doc.document.title,
      docId: 'd1',
      url: 'https://example.org/a',
    })
  })
})
