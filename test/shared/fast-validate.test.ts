// The fast checks must accept exactly what the zod validators accept, or the store would take a
// file zod refuses (or refuse one zod takes, with no message to show). Property tests compare the
// two on valid shapes, on each valid shape with one field broken or removed, and on arbitrary JSON.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  FAST_CHECKS,
  checkFast,
  isAnnotations,
  isSpan,
  zAnnotationsFast,
} from '../../src/shared/fast-validate'
import { zAnnotations, zSpan } from '../../src/shared/model'

const RUNS = 400

// Strings near each rule's edges: ids, timestamps, code points (emoji, lone surrogates), lengths.
const tricky = fc.oneof(
  fc.constantFrom(
    '',
    'a',
    's-1',
    'has space',
    'é',
    '__proto__',
    'x'.repeat(64),
    'x'.repeat(65),
    '🚀'.repeat(200),
    '🚀'.repeat(201),
    'a'.repeat(200),
    'a'.repeat(201),
    '\ud800'.repeat(150),
    '2024-06-19T12:00:00.000Z',
    '2024-06-19T12:00:00Z',
    '2024-06-19T12:00:00+02:00',
    '2024-02-29T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '2024-06-19 12:00:00Z',
    '2024-06-19T24:00:00Z',
    '2024-06-19T12:00:00.1234567Z',
    'sha256:' + '0'.repeat(64),
    'heading',
    'paragraph',
    'list_item',
    'claim',
  ),
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 5 }),
)

const tinyValue: fc.Arbitrary<unknown> = fc.oneof(
  tricky,
  fc.constantFrom(0, -0, 1, -1, 1.5, 6, 7, 2 ** 53, 2 ** 53 - 1, NaN, Infinity, -Infinity),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant([]),
  fc.constant({}),
  fc.array(tricky, { maxLength: 3 }),
  fc.dictionary(tricky, fc.oneof(tricky, fc.integer(), fc.boolean(), fc.double()), {
    maxKeys: 3,
  }),
)

const timestamp = fc
  .date({ min: new Date('1970-01-01'), max: new Date('2999-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString())
const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/)
const attributes = fc.dictionary(id, fc.oneof(fc.string(), fc.integer(), fc.boolean()), {
  maxKeys: 3,
})

const validSpan = fc.record(
  {
    id,
    layer: id,
    label: fc.string({ minLength: 1, maxLength: 20 }),
    start: fc.nat(),
    end: fc.nat(),
    quote: fc.record({ exact: fc.string(), prefix: fc.string(), suffix: fc.string() }),
    attributes,
    entityId: id,
    annotator: fc.string({ maxLength: 20 }),
    createdAt: timestamp,
    updatedAt: timestamp,
    curatedBy: fc.string({ maxLength: 20 }),
  },
  {
    requiredKeys: [
      'id',
      'layer',
      'label',
      'start',
      'end',
      'quote',
      'attributes',
      'annotator',
      'createdAt',
      'updatedAt',
    ],
  },
)

const validRelation = fc.record(
  {
    id,
    type: id,
    from: id,
    to: id,
    attributes,
    annotator: fc.string({ maxLength: 20 }),
    createdAt: timestamp,
    updatedAt: timestamp,
    curatedBy: fc.string({ maxLength: 20 }),
  },
  {
    requiredKeys: ['id', 'type', 'from', 'to', 'attributes', 'annotator', 'createdAt', 'updatedAt'],
  },
)

const validBlock = fc.record(
  {
    type: fc.constantFrom('heading', 'paragraph', 'blockquote', 'list_item'),
    start: fc.nat(),
    end: fc.nat(),
    level: fc.integer({ min: 1, max: 6 }),
  },
  { requiredKeys: ['type', 'start', 'end'] },
)

const validAnnotations = fc.record(
  {
    spans: fc.array(validSpan, { maxLength: 3 }),
    relations: fc.array(validRelation, { maxLength: 3 }),
    docLabels: fc.dictionary(id, fc.array(fc.string(), { maxLength: 3 }), { maxKeys: 2 }),
    docLabelMeta: fc.dictionary(
      id,
      fc.record({ annotator: fc.string({ maxLength: 10 }), updatedAt: timestamp }),
      { maxKeys: 2 },
    ),
    suggestions: fc.record({ rejected: fc.array(id, { maxLength: 3 }) }),
  },
  { requiredKeys: ['spans', 'relations', 'docLabels'] },
)

const validDocument = fc.record(
  {
    id,
    title: fc.string({ maxLength: 30 }),
    metadata: fc.record(
      { outlet: fc.string(), url: fc.string(), importedFrom: fc.string() },
      { requiredKeys: [] },
    ),
    text: fc.string(),
    blocks: fc.array(validBlock, { maxLength: 3 }),
    contentHash: fc.stringMatching(/^[0-9a-f]{64}$/).map((h) => `sha256:${h}`),
    addedAt: timestamp,
    addedBy: fc.string({ maxLength: 10 }),
  },
  { requiredKeys: ['id', 'title', 'metadata', 'text', 'blocks', 'contentHash'] },
)

const VALID: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
  span: validSpan,
  relation: validRelation,
  block: validBlock,
  annotations: validAnnotations,
  document: validDocument,
}

/** Paths to every value inside `value` (objects and arrays), the root excluded. */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return []
  const out: (string | number)[][] = []
  for (const key of Object.keys(value)) {
    const next = [...at, Array.isArray(value) ? Number(key) : key]
    out.push(next, ...paths((value as Record<string, unknown>)[key], next))
  }
  return out
}

/** A copy of `value` with the value at `path` replaced (or deleted, when `replacement` is absent). */
function broken(value: unknown, path: (string | number)[], replacement: { v: unknown } | null) {
  const copy = structuredClone(value) as Record<string | number, unknown>
  let parent = copy
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>
  const last = path[path.length - 1]
  if (replacement) parent[last] = replacement.v
  else delete parent[last]
  return copy
}

/** One field of a valid value broken: replaced by a tricky value, or removed. */
function oneFieldBroken(valid: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<unknown> {
  return valid.chain((value) => {
    const all = paths(value)
    if (all.length === 0) return fc.constant<unknown>(value)
    return fc
      .tuple(
        fc.constantFrom(...all),
        fc.option(
          tinyValue.map((v) => ({ v })),
          { freq: 4 },
        ),
      )
      .map(([path, replacement]) => broken(value, path, replacement))
  })
}

describe('the fast checks accept exactly what zod accepts', () => {
  for (const { name, fast, schema } of FAST_CHECKS) {
    const valid = VALID[name]
    it(`${name}: valid values`, () => {
      fc.assert(
        fc.property(valid, (value) => {
          expect(fast(value)).toBe(true)
          expect(schema.safeParse(value).success).toBe(true)
        }),
        { numRuns: RUNS },
      )
    })

    it(`${name}: a valid value with one field broken or removed`, () => {
      fc.assert(
        fc.property(oneFieldBroken(valid), (value) => {
          expect(fast(value)).toBe(schema.safeParse(value).success)
        }),
        { numRuns: RUNS * 4 },
      )
    })

    it(`${name}: arbitrary JSON and other values`, () => {
      fc.assert(
        fc.property(fc.oneof(fc.jsonValue(), fc.anything(), tinyValue), (value) => {
          expect(fast(value)).toBe(schema.safeParse(value).success)
        }),
        { numRuns: RUNS },
      )
    })
  }

  it('finds the edge cases zod has: code points, safe integers, leap days, __proto__ keys', () => {
    const span = {
      id: 's1',
      layer: 'claim',
      label: '🚀'.repeat(200),
      start: 0,
      end: 2 ** 53 - 1,
      quote: { exact: '', prefix: '', suffix: '' },
      attributes: JSON.parse('{"__proto__": null, "note": "x"}') as unknown,
      annotator: '',
      createdAt: '2024-02-29T00:00:00Z',
      updatedAt: '2024-06-19T12:00:00+02:00',
    }
    const cases: [unknown, boolean][] = [
      [span, true],
      [{ ...span, label: '🚀'.repeat(201) }, false],
      [{ ...span, end: 2 ** 53 }, false],
      [{ ...span, createdAt: '2023-02-29T00:00:00Z' }, false],
      [{ ...span, entityId: undefined }, true],
      [{ ...span, attributes: { 'bad key': 1 } }, false],
      [{ ...span, attributes: { n: NaN } }, false],
    ]
    for (const [value, ok] of cases) {
      expect(isSpan(value)).toBe(ok)
      expect(zSpan.safeParse(value).success).toBe(ok)
    }
  })
})

describe('checkFast and zAnnotationsFast', () => {
  it('return zod’s issues, with their paths, when the fast check fails', () => {
    const bad = { spans: [{ id: 's 1' }], relations: [], docLabels: {} }
    const fast = checkFast(bad, isAnnotations, zAnnotations)
    const slow = zAnnotations.safeParse(bad)
    expect(fast.success).toBe(false)
    if (fast.success || slow.success) throw new Error('expected failures')
    expect(fast.error.issues).toEqual(slow.error.issues)
    const ipc = zAnnotationsFast.safeParse(bad)
    expect(ipc.success).toBe(false)
    if (ipc.success) throw new Error('expected a failure')
    expect(ipc.error.issues.map((i) => i.path)).toEqual(slow.error.issues.map((i) => i.path))
  })

  it('pass a valid value through as it is', () => {
    const value = { spans: [], relations: [], docLabels: { overall: ['x'] } }
    expect(checkFast(value, isAnnotations, zAnnotations)).toEqual({ success: true, data: value })
    expect(zAnnotationsFast.parse(value)).toBe(value)
  })
})
