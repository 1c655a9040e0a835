// The default "News analysis" schema every new project starts with. Projects keep their own copy in
// project.json, so editing it in one project never changes another. Its claim, source, cue and
// sentiment layers and its two relation types fill the roles of the attribution frame (`frame`):
// who (source) claimed what (claim), how (cue, attribution kind) and with what stance.
import type { AnnotationSchema, AttributeDef, Layer, RelationType } from './model'
import { DEFAULT_FRAME } from './claims'

/** How a claim is attributed to its source (an attribute of `attributed_to`). */
export const ATTRIBUTION_VALUES = [
  'direct_quote',
  'indirect',
  'paraphrase',
  'unattributed_assertion',
] as const

/** The source's stance toward the claim (an attribute of `attributed_to`). */
export const STANCE_VALUES = ['asserts', 'denies', 'questions', 'reports'] as const

/** The `attribution` and `stance` attributes of the default `attributed_to` relation. */
export function attributionAttributes(): AttributeDef[] {
  return [
    { name: 'attribution', type: 'enum', values: [...ATTRIBUTION_VALUES] },
    { name: 'stance', type: 'enum', values: [...STANCE_VALUES] },
  ]
}

/** The Cue layer: the attribution verb or phrase ("said", "according to", "told reporters"). */
export function cueLayer(): Layer {
  return {
    id: 'cue',
    name: 'Cue',
    color: '#0d9488',
    underline: 'dotted',
    shortcut: '4',
    labels: [{ name: 'Cue' }],
    attributes: [{ name: 'note', type: 'text' }],
  }
}

/** The relation from a cue to the claim it introduces. */
export function cueOfRelation(): RelationType {
  return { id: 'cue_of', name: 'cue of', from: ['cue'], to: ['claim'], attributes: [] }
}

/** Returns a fresh copy of the default "News analysis" schema. */
export function defaultSchema(): AnnotationSchema {
  return {
    name: 'News analysis',
    layers: [
      {
        id: 'claim',
        name: 'Claim',
        color: '#2563eb',
        underline: 'solid',
        shortcut: '1',
        labels: [{ name: 'Claim' }],
        attributes: [
          { name: 'checkability', type: 'enum', values: ['factual', 'opinion', 'prediction'] },
          { name: 'note', type: 'text' },
        ],
      },
      {
        id: 'source',
        name: 'Source',
        color: '#d97706',
        underline: 'dashed',
        shortcut: '2',
        labels: [{ name: 'Source' }],
        attributes: [
          {
            name: 'kind',
            type: 'enum',
            values: ['person', 'organisation', 'government', 'media', 'document', 'anonymous'],
          },
          { name: 'note', type: 'text' },
        ],
      },
      {
        id: 'sentiment',
        name: 'Sentiment',
        color: '#db2777',
        underline: 'wavy',
        shortcut: '3',
        labels: [{ name: 'Sentiment' }],
        attributes: [
          { name: 'polarity', type: 'enum', values: ['positive', 'negative', 'neutral', 'mixed'] },
          { name: 'intensity', type: 'number', min: 1, max: 3, integer: true },
          { name: 'note', type: 'text' },
        ],
      },
      cueLayer(),
    ],
    relationTypes: [
      {
        id: 'attributed_to',
        name: 'attributed to',
        from: ['claim'],
        to: ['source'],
        attributes: attributionAttributes(),
      },
      cueOfRelation(),
    ],
    labelSets: [
      {
        id: 'overall_sentiment',
        name: 'Overall sentiment',
        values: ['positive', 'negative', 'neutral', 'mixed'],
        multiple: false,
      },
    ],
    frame: { ...DEFAULT_FRAME },
  }
}
