import { describe, expect, it } from 'vitest'
import { zAnnotationSchema, type AnnotationSchema } from '../../../src/shared/model'
import { defaultSchema } from '../../../src/shared/default-schema'
import { validateSchema } from '../../../src/shared/validate'
import {
  addEnumValue,
  addLabel,
  addLabelSetValue,
  addLayer,
  deriveLayerId,
  freeColour,
  LAYER_COLOURS,
  nextFreeDigit,
  removedFromSchema,
  shortcutProblem,
  updateLayer,
  type SchemaEdit,
} from '../../../src/renderer/src/schema/schema-edit'
import { testSchema } from '../schema-fixture'

function ok(edit: SchemaEdit): AnnotationSchema {
  if (!edit.ok) throw new Error(edit.error)
  return edit.schema
}

describe('deriveLayerId', () => {
  it('makes a lower-case id of letters, digits and underscores', () => {
    expect(deriveLayerId('Direct quote', [])).toBe('direct_quote')
    expect(deriveLayerId('  Café — réaction! ', [])).toBe('cafe_reaction')
  })
  it('falls back to "layer" when the name has no usable characters', () => {
    expect(deriveLayerId('—?!', [])).toBe('layer')
  })
  it('adds a number when the id is taken', () => {
    expect(deriveLayerId('Claim', ['claim'])).toBe('claim_2')
    expect(deriveLayerId('Claim', ['claim', 'claim_2'])).toBe('claim_3')
  })
})

describe('shortcutProblem', () => {
  const schema = testSchema()
  it('allows a free key and no key', () => {
    expect(shortcutProblem(schema, 'claim', '7')).toBeNull()
    expect(shortcutProblem(schema, 'claim', '')).toBeNull()
    expect(shortcutProblem(schema, 'claim', '1')).toBeNull() // its own key
  })
  it('refuses a key another layer uses, without regard to case', () => {
    expect(shortcutProblem(schema, 'claim', '2')).toMatch(/Source/)
    const lettered = ok(updateLayer(schema, 'source', { shortcut: 'q' }))
    expect(shortcutProblem(lettered, 'claim', 'Q')).toMatch(/Source/)
  })
  it('refuses the reserved keys [ ] and L', () => {
    for (const key of ['[', ']', 'l', 'L'])
      expect(shortcutProblem(schema, 'claim', key)).toMatch(/reserved/)
  })
  it('refuses more than one key', () => {
    expect(shortcutProblem(schema, 'claim', '12')).toMatch(/single key/)
    expect(shortcutProblem(schema, 'claim', ' ')).toMatch(/single key/)
  })
})

describe('freeColour and nextFreeDigit', () => {
  it('pick the first colour and digit no layer uses', () => {
    const schema = testSchema()
    expect(freeColour(schema)).toBe(LAYER_COLOURS[0])
    expect(nextFreeDigit(schema)).toBe('4')
    const more = ok(addLayer(schema, 'Quote'))
    expect(freeColour(more)).toBe(LAYER_COLOURS[1])
    expect(nextFreeDigit(more)).toBe('5')
  })
  it('gives no digit when all ten are taken', () => {
    let schema = testSchema()
    for (let i = 0; i < 7; i++) schema = ok(addLayer(schema, `Extra ${i}`))
    expect(nextFreeDigit(schema)).toBeUndefined()
    const last = ok(addLayer(schema, 'One more')).layers.at(-1)!
    expect(last.shortcut).toBeUndefined()
  })
})

describe('addLayer', () => {
  it('adds a valid layer with a derived id, one label, a free colour and the next digit', () => {
    const schema = ok(addLayer(defaultSchema(), 'Quote'))
    const layer = schema.layers.at(-1)!
    expect(layer).toMatchObject({
      id: 'quote',
      name: 'Quote',
      labels: [{ name: 'Quote' }],
      shortcut: '5',
    })
    expect(defaultSchema().layers.map((l) => l.color)).not.toContain(layer.color)
    expect(zAnnotationSchema.safeParse(schema).success).toBe(true)
    expect(validateSchema(schema)).toEqual([])
  })
  it('refuses an empty or duplicate name', () => {
    expect(addLayer(testSchema(), '  ').ok).toBe(false)
    expect(addLayer(testSchema(), 'claim').ok).toBe(false)
  })
})

describe('updateLayer', () => {
  it('changes the cosmetic fields and keeps the id', () => {
    const schema = ok(
      updateLayer(testSchema(), 'claim', {
        name: 'Assertion',
        color: '#123456',
        underline: 'wavy',
        shortcut: 'a',
      }),
    )
    expect(schema.layers[0]).toMatchObject({
      id: 'claim',
      name: 'Assertion',
      color: '#123456',
      underline: 'wavy',
      shortcut: 'a',
    })
  })
  it('removes the shortcut when it is emptied', () => {
    const schema = ok(updateLayer(testSchema(), 'claim', { shortcut: '' }))
    expect('shortcut' in schema.layers[0]).toBe(false)
  })
  it('refuses a taken shortcut, a bad colour and an empty name', () => {
    expect(updateLayer(testSchema(), 'claim', { shortcut: '2' }).ok).toBe(false)
    expect(updateLayer(testSchema(), 'claim', { color: 'blue' }).ok).toBe(false)
    expect(updateLayer(testSchema(), 'claim', { name: ' ' }).ok).toBe(false)
  })
})

describe('adding labels and values', () => {
  it('adds a label to a layer and refuses a duplicate', () => {
    const schema = ok(addLabel(testSchema(), 'claim', 'Rumour'))
    expect(schema.layers[0].labels.map((l) => l.name)).toEqual(['Claim', 'Rumour'])
    expect(addLabel(schema, 'claim', 'rumour').ok).toBe(false)
  })
  it('adds a value to an enum attribute only', () => {
    const schema = ok(addEnumValue(defaultSchema(), 'claim', 'checkability', 'satire'))
    const def = schema.layers[0].attributes.find((a) => a.name === 'checkability')
    expect(def?.type === 'enum' && def.values.at(-1)).toBe('satire')
    expect(addEnumValue(schema, 'claim', 'checkability', 'satire').ok).toBe(false)
    expect(addEnumValue(schema, 'claim', 'note', 'x').ok).toBe(false)
  })
  it('adds a value to a label set', () => {
    const schema = ok(addLabelSetValue(testSchema(), 'overall', 'mixed'))
    expect(schema.labelSets[0].values).toEqual(['positive', 'negative', 'mixed'])
    expect(addLabelSetValue(schema, 'overall', 'mixed').ok).toBe(false)
  })
  it('leaves the original schema untouched', () => {
    const before = testSchema()
    addLabel(before, 'claim', 'Rumour')
    addLabelSetValue(before, 'overall', 'mixed')
    expect(before).toEqual(testSchema())
  })
})

describe('removedFromSchema', () => {
  it('is empty after additive and cosmetic edits', () => {
    const before = defaultSchema()
    let after = ok(addLabel(before, 'claim', 'Rumour'))
    after = ok(addLayer(after, 'Quote'))
    after = ok(updateLayer(after, 'source', { name: 'Who', color: '#000000', underline: 'wavy' }))
    after = ok(addEnumValue(after, 'claim', 'checkability', 'satire'))
    expect(removedFromSchema(before, after)).toEqual([])
  })
  it('names every layer, label, attribute and value that went missing', () => {
    const before = defaultSchema()
    const claim = before.layers[0]
    const after: AnnotationSchema = {
      ...before,
      layers: [
        {
          ...claim,
          labels: [{ name: 'Assertion' }],
          attributes: [{ name: 'checkability', type: 'enum', values: ['factual'] }],
        },
        ...before.layers.slice(2),
      ],
      labelSets: [],
    }
    const removed = removedFromSchema(before, after)
    expect(removed).toContain('label "Claim" of layer "claim"')
    expect(removed).toContain('value "opinion" of "claim.checkability"')
    expect(removed).toContain('attribute "note" of layer "claim"')
    expect(removed).toContain('layer "source"')
    expect(removed.some((r) => r.startsWith('label set'))).toBe(true)
  })
})
