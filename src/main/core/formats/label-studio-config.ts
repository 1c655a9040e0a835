// Reading a Label Studio labeling config (the XML that sets up a project's controls), so an import
// knows what each result's `from_name` is: a labels control (its name is the layer), a per-region
// control (an attribute, typed by its kind: Number and Rating are numbers, a Choices of exactly
// "true"/"false" is a boolean, TextArea is text), or a whole-task Choices (a document label set).
// Our own export writes such a config (label-studio.ts, `labelingConfig`).
import { SaxesParser } from 'saxes'
import type { AttributeDef } from '../../../shared/model'
import { toId } from './import-collector'

/** What a labeling config declares, by control name. */
export interface LabelingConfig {
  /** Labels controls: name → label values. */
  labels: Map<string, string[]>
  /** Per-region controls: control name → the attribute it sets. */
  attributes: Map<string, AttributeDef>
  /** Whole-task Choices controls (document label sets): name → values. */
  choices: Map<string, string[]>
}

const LABELS = new Set(['Labels', 'HyperTextLabels', 'ParagraphLabels'])

interface OpenControl {
  tag: string
  attributes: Record<string, string>
  values: string[]
}

/** Parses a labeling config; throws an Error with the parser's line and column when it is broken. */
export function parseLabelingConfig(xml: string): LabelingConfig {
  const config: LabelingConfig = { labels: new Map(), attributes: new Map(), choices: new Map() }
  const parser = new SaxesParser()
  const open: OpenControl[] = []
  parser.on('opentag', (tag) => {
    const attributes = tag.attributes
    if (tag.name === 'Label' || tag.name === 'Choice' || tag.name === 'Relation') {
      const value = attributes.value ?? attributes.alias
      if (value !== undefined) open[open.length - 1]?.values.push(value)
    }
    open.push({ tag: tag.name, attributes, values: [] })
  })
  parser.on('closetag', () => {
    const control = open.pop()
    if (control) addControl(config, control)
  })
  parser.write(xml).close()
  // A per-region control named `<layer>.<attribute>` (our export's naming) sets `<attribute>`.
  for (const [name, def] of config.attributes) {
    const dot = name.indexOf('.')
    if (dot > 0 && config.labels.has(name.slice(0, dot))) {
      config.attributes.set(name, { ...def, name: toId(name.slice(dot + 1)) })
    }
  }
  return config
}

function addControl(config: LabelingConfig, { tag, attributes, values }: OpenControl): void {
  const name = attributes.name
  if (name === undefined) return
  if (LABELS.has(tag)) {
    config.labels.set(name, values)
    return
  }
  const perRegion = attributes.perRegion === 'true'
  if (tag === 'Choices' && !perRegion) {
    config.choices.set(name, values)
    return
  }
  if (!perRegion) return
  const def = attributeDef(tag, toId(name), attributes, values)
  if (def) config.attributes.set(name, def)
}

function attributeDef(
  tag: string,
  name: string,
  attributes: Record<string, string>,
  values: string[],
): AttributeDef | null {
  switch (tag) {
    case 'Number':
      return { name, type: 'number', ...(attributes.step === '1' ? { integer: true } : {}) }
    case 'Rating':
      return { name, type: 'number', integer: true }
    case 'TextArea':
      return { name, type: 'text' }
    case 'Choices': {
      const set = new Set(values)
      if (set.size === 2 && set.has('true') && set.has('false')) return { name, type: 'boolean' }
      // Several choices in one result are joined, so a multiple Choices is text.
      if (attributes.choice === 'multiple' || values.length === 0) return { name, type: 'text' }
      return { name, type: 'enum', values: [...set] }
    }
    default:
      return null
  }
}
