// A brat export imports back whole into a project that has never seen its schema: the names our
// export had to rewrite for brat come back from the mapping in annotation.conf, and titles, ids
// and metadata from the sidecar.
import { describe, expect, it } from 'vitest'
import { bratFormat } from '../../../../src/main/core/formats/brat-export'
import { BRAT_DOCUMENTS_FILE } from '../../../../src/main/core/formats/brat-documents'
import { runImport } from '../../../../src/main/core/formats/importers'
import type { AnnotationSchema } from '../../../../src/shared/model'
import { bratNamesFixture } from './brat-fixture'
import { makeInput } from './fixtures'

const { schema, doc } = bratNamesFixture('d-7')
const exported = bratFormat.export(makeInput([doc], schema)).files

describe('brat import of our own export', () => {
  it("restores names from annotation.conf's mapping, into a project without that schema", () => {
    const bare: AnnotationSchema = { name: 'Bare', layers: [], relationTypes: [], labelSets: [] }
    const result = runImport('brat', { files: exported }, bare)
    const spans = result.documents[0].annotations.spans
    expect(spans.map((s) => [s.layer, s.label, s.attributes])).toEqual([
      ['claim', 'Déclaration', { checkability: 'fact check' }],
      ['claim', '中文 claim', {}],
      ['source', 'Claim', {}],
    ])
  })

  it('restores the title, id and metadata from the sidecar, and says when it cannot', () => {
    const result = runImport('brat', { files: exported }, schema)
    expect(result.problems).toEqual([])
    expect(result.documents[0].document).toMatchObject({
      id: 'd-7',
      title: 'Un titre: «Déclaration»',
      metadata: { url: 'https://example.org/a' },
    })
    const broken = exported.map((f) =>
      f.path === BRAT_DOCUMENTS_FILE ? { ...f, data: '{"format":"other"}' } : f,
    )
    const fallback = runImport('brat', { files: broken }, schema)
    expect(fallback.documents[0].document.title).toBe('d-7')
    expect(fallback.problems).toEqual([
      {
        file: BRAT_DOCUMENTS_FILE,
        message: 'not a marginalia-brat-documents file; titles and ids not restored',
      },
    ])
  })
})
