// The document brat's export and import tests share: labels brat's grammar cannot name (accents,
// CJK, a space), a label two layers share, attribute values with `|` and spaces, and a title with
// punctuation, so the export must rewrite names and the import must map them back.
import type { AnnotationSchema, DocumentFile } from '../../../../src/shared/model'
import { makeDoc, rangeOf, testSchema } from './fixtures'

/** The schema and document (with id `docId`) whose names brat cannot hold as they are. */
export function bratNamesFixture(docId: string): {
  schema: AnnotationSchema
  text: string
  doc: DocumentFile
} {
  const schema = testSchema()
  schema.layers[0].labels.push({ name: 'Déclaration' }, { name: '中文 claim' })
  schema.layers[1].labels.push({ name: 'Claim' }) // shared with the claim layer
  schema.layers[0].attributes[0] = {
    name: 'checkability',
    type: 'enum',
    values: ['fact|check', 'fact check', 'prévu'],
  }
  const text = 'Il a dit: Déclaration. 中文 Claim.'
  const doc = makeDoc(
    docId,
    text,
    [
      {
        ...rangeOf(text, 'Déclaration'),
        layer: 'claim',
        label: 'Déclaration',
        attributes: { checkability: 'fact check' },
      },
      { ...rangeOf(text, '中文'), layer: 'claim', label: '中文 claim' },
      { ...rangeOf(text, 'Claim'), layer: 'source', label: 'Claim' },
    ],
    [],
    {},
    'Un titre: «Déclaration»',
  )
  return { schema, text, doc }
}
