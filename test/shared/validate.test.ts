import { describe, expect, it } from 'vitest'
import { quoteOf } from '../../src/shared/anchor'
import { defaultSchema } from '../../src/shared/default-schema'
import {
  FORMAT_VERSION,
  zAnnotations,
  type Annotations,
  type ProjectFile,
} from '../../src/shared/model'
import {
  validateAnnotations,
  validateDocument,
  validateProject,
  validateSchema,
} from '../../src/shared/validate'
import { TEXT, annotationsFor } from '../main/core/storage/helpers'

const schema = defaultSchema()
const doc = { text: TEXT }

function check(edit: (a: Annotations) => void, entities?: { id: string }[]) {
  const a = annotationsFor()
  edit(a)
  return validateAnnotations(schema, doc, a, entities)
}

describe('validateAnnotations', () => {
  it('accepts sound annotations, including a span ending after an emoji', () => {
    const a = annotationsFor()
    expect(zAnnotations.parse(a)).toEqual(a)
    expect(validateAnnotations(schema, doc, a)).toEqual([])
  })

  it('reports an unknown layer and label', () => {
    expect(check((a) => (a.spans[0].layer = 'rumour'))).toEqual([
      { path: 'spans[0].layer', message: 'unknown layer "rumour"', id: 's1' },
    ])
    expect(check((a) => (a.spans[0].label = 'Fact'))).toEqual([
      { path: 'spans[0].label', message: 'layer "claim" has no label "Fact"', id: 's1' },
    ])
  })

  it('checks attribute names and values against their definitions', () => {
    const paths = (edit: (a: Annotations) => void) => check(edit).map((p) => p.path)
    expect(paths((a) => (a.spans[0].attributes.colour = 'red'))).toEqual([
      'spans[0].attributes.colour',
    ])
    expect(paths((a) => (a.spans[0].attributes.checkability = 'rumour'))).toEqual([
      'spans[0].attributes.checkability',
    ])
    expect(paths((a) => (a.spans[0].attributes.note = 5))).toEqual(['spans[0].attributes.note'])
    expect(paths((a) => (a.spans[2].attributes.intensity = 4))).toEqual([
      'spans[2].attributes.intensity',
    ])
    expect(paths((a) => (a.spans[2].attributes.intensity = 0))).toEqual([
      'spans[2].attributes.intensity',
    ])
    expect(paths((a) => (a.spans[2].attributes.intensity = 1.5))).toEqual([
      'spans[2].attributes.intensity',
    ])
    expect(paths((a) => (a.spans[2].attributes.intensity = '2'))).toEqual([
      'spans[2].attributes.intensity',
    ])
    expect(check((a) => (a.spans[2].attributes.intensity = 4))[0].message).toBe(
      '4 is above the maximum 3',
    )
  })

  it('checks boolean attributes', () => {
    const s = defaultSchema()
    s.layers[0].attributes.push({ name: 'verified', type: 'boolean' })
    const a = annotationsFor()
    a.spans[0].attributes.verified = true
    expect(validateAnnotations(s, doc, a)).toEqual([])
    a.spans[0].attributes.verified = 'yes'
    expect(validateAnnotations(s, doc, a).map((p) => p.path)).toEqual([
      'spans[0].attributes.verified',
    ])
  })

  it('reports offsets that do not select the quote, or run out of the text', () => {
    expect(check((a) => (a.spans[0].start += 1)).map((p) => p.path)).toEqual(['spans[0]'])
    expect(check((a) => (a.spans[0].quote.exact = 'the deal was HISTORIC'))[0].message).toMatch(
      /quote is "the deal was HISTORIC"/,
    )
    expect(check((a) => (a.spans[1].end = TEXT.length + 5))[0].message).toMatch(/past the end/)
    expect(check((a) => (a.spans[1].end = a.spans[1].start))[0].message).toMatch(/empty/)
  })

  it('reports a span that splits an emoji (a surrogate pair)', () => {
    const text = 'Go 🚀 now'
    const start = text.indexOf('🚀') + 1
    const span = { ...annotationsFor().spans[1], start, end: text.length }
    span.quote = { exact: text.slice(start), prefix: '', suffix: '' }
    const a = { spans: [span], relations: [], docLabels: {} }
    expect(validateAnnotations(schema, { text }, a)[0].message).toMatch(/splits a character/)
  })

  it('reports duplicate span and relation ids', () => {
    expect(check((a) => (a.spans[1].id = 's1')).map((p) => p.path)).toContain('spans[1].id')
    expect(check((a) => a.relations.push({ ...a.relations[0] })).map((p) => p.path)).toEqual([
      'relations[1].id',
    ])
  })

  it('checks relation types, ends and the layers allowed at each end', () => {
    expect(check((a) => (a.relations[0].type = 'quotes')).map((p) => p.path)).toEqual([
      'relations[0].type',
    ])
    expect(check((a) => (a.relations[0].to = 's9'))).toEqual([
      { path: 'relations[0].to', message: 'no span with id "s9"', id: 'r1' },
    ])
    // Reversed: a source at the `from` end and a claim at the `to` end.
    const reversed = check((a) => {
      a.relations[0].from = 's2'
      a.relations[0].to = 's1'
    })
    expect(reversed.map((p) => p.path)).toEqual(['relations[0].from', 'relations[0].to'])
    expect(reversed[0].message).toMatch(/layer "source"; "attributed_to" allows "claim"/)
    expect(check((a) => (a.relations[0].to = 's1')).map((p) => p.path)).toContain('relations[0]')
    expect(check((a) => (a.relations[0].attributes.stance = 'shouts'))).toEqual([
      {
        path: 'relations[0].attributes.stance',
        message: '"shouts" is not one of "asserts", "denies", "questions", "reports"',
        id: 'r1',
      },
    ])
    expect(check((a) => (a.relations[0].attributes.mood = 'calm')).map((p) => p.path)).toEqual([
      'relations[0].attributes.mood',
    ])
  })

  it('checks document labels: known set, known values, one value in a single set', () => {
    expect(check((a) => (a.docLabels.topic = ['war'])).map((p) => p.path)).toEqual([
      'docLabels.topic',
    ])
    expect(check((a) => (a.docLabels.overall_sentiment = ['angry'])).map((p) => p.path)).toEqual([
      'docLabels.overall_sentiment[0]',
    ])
    expect(
      check((a) => (a.docLabels.overall_sentiment = ['positive', 'negative'])).map((p) => p.path),
    ).toEqual(['docLabels.overall_sentiment'])
    expect(check((a) => (a.docLabels.overall_sentiment = []))).toEqual([])
  })

  it('checks entity ids only when the entities are given', () => {
    expect(check((a) => (a.spans[1].entityId = 'e1'))).toEqual([])
    expect(check((a) => (a.spans[1].entityId = 'e1'), [{ id: 'e2' }]).map((p) => p.path)).toEqual([
      'spans[1].entityId',
    ])
    expect(check((a) => (a.spans[1].entityId = 'e1'), [{ id: 'e1' }])).toEqual([])
  })
})

describe('validateAnnotations: the attribution frame of the default schema', () => {
  /** TEXT's annotations plus the cue "said" (s4) linked to the claim (s1) by cue_of (r2). */
  function framed(edit: (a: Annotations) => void = () => {}) {
    const a = annotationsFor()
    const start = TEXT.indexOf('said')
    a.spans.push({
      ...a.spans[0],
      id: 's4',
      layer: 'cue',
      label: 'Cue',
      start,
      end: start + 4,
      quote: quoteOf(TEXT, start, start + 4),
      attributes: { note: 'speech verb' },
    })
    a.relations[0].attributes = { attribution: 'indirect', stance: 'asserts' }
    a.relations.push({
      ...a.relations[0],
      id: 'r2',
      type: 'cue_of',
      from: 's4',
      to: 's1',
      attributes: {},
    })
    edit(a)
    return validateAnnotations(schema, doc, a)
  }

  it('accepts a cue linked to its claim and a claim attributed to its source with attributes', () => {
    expect(framed()).toEqual([])
  })

  it('reports cue_of drawn the wrong way (claim → cue) at both ends', () => {
    const problems = framed((a) => {
      a.relations[1].from = 's1'
      a.relations[1].to = 's4'
    })
    expect(problems).toEqual([
      {
        path: 'relations[1].from',
        message: 'span "s1" is on layer "claim"; "cue_of" allows "cue" at its from end',
        id: 'r2',
      },
      {
        path: 'relations[1].to',
        message: 'span "s4" is on layer "cue"; "cue_of" allows "claim" at its to end',
        id: 'r2',
      },
    ])
  })

  it('reports cue_of pointing at a source, and attributed_to from a cue', () => {
    expect(framed((a) => (a.relations[1].to = 's2')).map((p) => p.path)).toEqual([
      'relations[1].to',
    ])
    expect(framed((a) => (a.relations[0].from = 's4'))).toEqual([
      {
        path: 'relations[0].from',
        message: 'span "s4" is on layer "cue"; "attributed_to" allows "claim" at its from end',
        id: 'r1',
      },
    ])
  })

  it('checks the attribution values of attributed_to', () => {
    expect(framed((a) => (a.relations[0].attributes.attribution = 'rumour'))).toEqual([
      {
        path: 'relations[0].attributes.attribution',
        message:
          '"rumour" is not one of "direct_quote", "indirect", "paraphrase", "unattributed_assertion"',
        id: 'r1',
      },
    ])
  })
})

describe('validateSchema', () => {
  it('accepts the default schema', () => {
    expect(validateSchema(defaultSchema())).toEqual([])
  })

  it('reports duplicate ids, unknown relation layers, clashing shortcuts, bad defaults', () => {
    const s = defaultSchema()
    s.layers[1].id = 'claim'
    s.layers[2].shortcut = '1'
    s.relationTypes[0].to = ['speaker']
    s.layers[2].attributes.push({ name: 'polarity', type: 'text' })
    s.layers[0].attributes[0] = { name: 'checkability', type: 'enum', values: ['a'], default: 'b' }
    s.labelSets.push({ ...s.labelSets[0] })
    expect(
      validateSchema(s)
        .map((p) => p.path)
        .sort(),
    ).toEqual(
      [
        'layers[1].id',
        'layers[2].shortcut',
        'layers[2].attributes[3].name',
        'layers[0].attributes[0].default',
        'relationTypes[0].to[0]',
        'labelSets[1].id',
      ].sort(),
    )
  })
})

describe('validateDocument', () => {
  it('accepts ascending blocks and separators between them', () => {
    expect(
      validateDocument({
        text: 'Title\n\nBody',
        blocks: [
          { type: 'heading', level: 1, start: 0, end: 5 },
          { type: 'paragraph', start: 7, end: 11 },
        ],
      }),
    ).toEqual([])
  })

  it('reports CR, BOM, overlapping, reversed and out-of-range blocks, headings without level', () => {
    const problems = validateDocument({
      text: '\uFEFFab\r\ncd',
      blocks: [
        { type: 'heading', start: 0, end: 3 },
        { type: 'paragraph', start: 2, end: 4 },
        { type: 'paragraph', start: 5, end: 4 },
        { type: 'paragraph', start: 5, end: 99 },
      ],
    })
    expect(problems.map((p) => p.path)).toEqual([
      'text',
      'text',
      'blocks[0].level',
      'blocks[1]',
      'blocks[2]',
      'blocks[3]',
    ])
  })
})

describe('validateProject', () => {
  it('reports a document whose file is not documents/<id>.json and duplicate ids', () => {
    const entry = {
      id: 'd1',
      title: 'A',
      file: 'documents/d2.json',
      contentHash: 'sha256:00',
      addedAt: '2024-01-01T00:00:00Z',
    }
    const project: ProjectFile = {
      format: 'marginalia-project',
      version: FORMAT_VERSION,
      id: 'p1',
      name: 'P',
      createdAt: '2024-01-01T00:00:00Z',
      updatedAt: '2024-01-01T00:00:00Z',
      schema: defaultSchema(),
      documents: [entry, { ...entry, file: 'documents/d1.json' }],
      entities: [],
    }
    expect(validateProject(project).map((p) => p.path)).toEqual([
      'documents[0].file',
      'documents[1].id',
    ])
  })
})
