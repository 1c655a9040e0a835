// The shapes of an agreement computation: what goes in (each analyst's annotation set of each
// document, with the project's schema) and the report that comes out. The report is plain JSON
// (no Maps, no classes) so it crosses IPC, a worker boundary or a file unchanged, and it carries
// its own description of how units were formed (`method`), so a number is never separated from
// the definition that produced it. docs/AGREEMENT.md explains every field.
import type { AnnotationSchema, Annotations } from '../model'

/** One document as compared: its canonical text and every analyst's set of annotations of it. */
export interface AgreementDocument {
  id: string
  title?: string
  /** The canonical text; span offsets index it (UTF-16), α_u counts its code points. */
  text: string
  /** Analyst name → their annotations. An analyst absent here did not annotate this document. */
  sets: Readonly<Record<string, Annotations>>
}

/** What to compare. */
export interface AgreementInput {
  schema: AnnotationSchema
  documents: readonly AgreementDocument[]
}

/** A cooperative cancellation flag (an AbortSignal fits). */
export interface CancelFlag {
  readonly aborted: boolean
}

export interface AgreementOptions {
  /** Analysts to compare, in this order (default: every analyst found, sorted by name). */
  analysts?: readonly string[]
  /** Layer ids to report (default: every layer of the schema). */
  layers?: readonly string[]
  /**
   * Least Jaccard overlap (shared code points ÷ code points covered by either span) for two spans
   * to be matched by overlap. Default 0: any shared character is enough.
   */
  minOverlap?: number
  /** Attach the reliability data (coder, unit, value triples) to each coefficient (default false). */
  includeUnits?: boolean
  /** Called after each document with the number done and the total. */
  onProgress?: (done: number, total: number) => void
  /** Checked between documents; when set, the computation stops with AgreementCancelled. */
  signal?: CancelFlag
}

/** Thrown by computeAgreement when its signal is aborted. */
export class AgreementCancelled extends Error {
  constructor() {
    super('Agreement computation cancelled')
    this.name = 'AgreementCancelled'
  }
}

// ---------------------------------------------------------------------------------------------
// Coefficients

/** One coder's value for one unit: the input of every κ and α here (NLTK's triple). */
export interface ReliabilityTriple {
  coder: string
  unit: string
  value: string | number
}

/** Distance between two values: nominal (equal or not) or interval (squared difference). */
export type AlphaMetric = 'nominal' | 'interval'

/** A κ-type coefficient: (observed − expected agreement) ÷ (1 − expected agreement). */
export interface KappaResult {
  /** null when undefined (no units, or expected agreement 1); `reason` says which. */
  value: number | null
  observedAgreement: number | null
  expectedAgreement: number | null
  /** Units the coefficient was computed on. */
  units: number
  reason?: string
}

/** Cohen's κ of one pair of analysts, with its confusion matrix. */
export interface PairKappa extends KappaResult {
  a: string
  b: string
  /** Rows: a's category, columns: b's category (order of `categories`); omitted for link units. */
  confusion?: number[][]
}

/** Krippendorff's α: 1 − observed ÷ expected disagreement. */
export interface AlphaResult {
  value: number | null
  observedDisagreement: number | null
  expectedDisagreement: number | null
  metric: AlphaMetric
  /** Units with two or more values (the pairable ones; the others are left out, as α does). */
  units: number
  /** Values in those units (Krippendorff's n). */
  values: number
  reason?: string
}

/** Agreement on the category (label, attribute value, link target) analysts gave the same units. */
export interface CategoricalAgreement {
  /** Units with at least one value. */
  units: number
  /** The categories seen, in the order the matrices use. */
  categories: string[]
  alpha: AlphaResult
  /** Fleiss' κ on the units every compared analyst gave a value (Scott's π for two). */
  fleiss: KappaResult
  /** Cohen's κ of each pair on the units both gave a value. */
  cohen: PairKappa[]
  /** Mean of the pairs' defined Cohen's κ (Light's κ; NLTK's `kappa()`), null if none. */
  meanCohen: number | null
  /** Krippendorff's coincidence matrix (order of `categories`); omitted for link units. */
  coincidence?: number[][]
  /** The reliability data itself, when `includeUnits` was set. */
  data?: ReliabilityTriple[]
}

// ---------------------------------------------------------------------------------------------
// Spans

/** Matches between two analysts' spans. a is the reference: recall = tp/a, precision = tp/b. */
export interface F1Score {
  tp: number
  /** Spans (or relations, values) of analyst a / of analyst b. */
  a: number
  b: number
  precision: number | null
  recall: number | null
  f1: number | null
}

/** Exact-match and overlap-match scores of one pair of analysts. */
export interface PairSpanScores {
  a: string
  b: string
  exact: F1Score
  overlap: F1Score
}

/** Krippendorff's α_u of one pair of analysts (the two-observer form). */
export interface PairUnitizing {
  a: string
  b: string
  value: number | null
  observedDisagreement: number | null
  expectedDisagreement: number | null
  reason?: string
}

/** Krippendorff's unitizing α over the continuum of characters (code points). */
export interface UnitizingResult {
  value: number | null
  observedDisagreement: number | null
  expectedDisagreement: number | null
  /** Documents whose continua were pooled, and their length in code points. */
  documents: number
  length: number
  /** Documents left out, and why (an analyst's own spans of one label overlap there). */
  excluded: { documentId: string; reason: string }[]
  /** Pairwise two-observer values (only when more than two analysts are compared). */
  pairs: PairUnitizing[]
  reason?: string
}

export interface LabelSpanAgreement {
  label: string
  pairs: PairSpanScores[]
  alphaU: UnitizingResult
}

/** Attribute values on aligned units, and per-pair F1 of (span, value) between matched spans. */
export interface AttributeAgreement extends CategoricalAgreement {
  attribute: string
  metric: AlphaMetric
  pairs: { a: string; b: string; f1: F1Score }[]
}

export interface LayerAgreement {
  layer: string
  name: string
  /** Spans of the layer per analyst (in the documents pooled). */
  spanCounts: Record<string, number>
  /** Label-blind span matching. */
  spans: PairSpanScores[]
  /** Label-aware span matching, summed over the layer's labels. */
  labelled: PairSpanScores[]
  /** α_u of the layer: its labels are the categories. */
  alphaU: UnitizingResult
  labels: LabelSpanAgreement[]
  /** Labels of the aligned units. */
  labelAgreement: CategoricalAgreement
  attributes: AttributeAgreement[]
}

export interface RelationPairScores {
  a: string
  b: string
  /** Every relation of the type. */
  all: F1Score
  /** Only relations whose two ends both have a matched span in the other analyst's set. */
  matchedEnds: F1Score
}

export interface RelationAgreement {
  type: string
  name: string
  relationCounts: Record<string, number>
  pairs: RelationPairScores[]
  /** Which aligned span(s) each aligned `from` span is linked to (units: `from` spans). */
  links: CategoricalAgreement
  attributes: AttributeAgreement[]
}

export interface DocLabelAgreement {
  labelSet: string
  name: string
  multiple: boolean
  agreement: CategoricalAgreement
}

/** Statistics of one document, or pooled over the project. */
export interface AgreementSection {
  /** Documents pooled (1 for a document). */
  documents: number
  layers: LayerAgreement[]
  relations: RelationAgreement[]
  docLabels: DocLabelAgreement[]
}

export interface DocumentAgreement extends AgreementSection {
  documentId: string
  title: string
  /** The compared analysts who annotated this document. */
  analysts: string[]
}

// ---------------------------------------------------------------------------------------------
// Disagreements

export type DisagreementKind =
  'missing' | 'boundary' | 'label' | 'attribute' | 'link' | 'relation-attribute' | 'doc-label'

/** A span as a disagreement shows it. Offsets are the model's (UTF-16) and code points. */
export interface DisagreementSpan {
  id: string
  layer: string
  label: string
  start: number
  end: number
  codePointStart: number
  codePointEnd: number
  text: string
}

/** One analyst's side of a disagreement. */
export interface DisagreementVersion {
  analyst: string
  /** The spans involved (none when the analyst has nothing there). */
  spans: DisagreementSpan[]
  relationIds: string[]
  /** The label, attribute value, link targets or document labels; null when none. */
  value: string | null
}

export interface Disagreement {
  /** Stable across runs on the same annotations. */
  id: string
  documentId: string
  kind: DisagreementKind
  /** The aligned unit this is about (several kinds can share one unit). */
  unitId: string
  layer?: string
  attribute?: string
  relationType?: string
  labelSet?: string
  /** The range (UTF-16) covering every span involved, to scroll to; 0–0 for document labels. */
  start: number
  end: number
  /** One version per compared analyst who annotated the document. */
  versions: DisagreementVersion[]
}

// ---------------------------------------------------------------------------------------------
// The report

/** How units were formed and matched, in words, as the report states it. */
export interface AgreementMethod {
  offsets: string
  exactMatch: string
  overlapMatch: string
  alignment: string
  spanScores: string
  alphaU: string
  labels: string
  attributes: string
  relations: string
  links: string
  docLabels: string
  missing: string
  coefficients: string
  pooling: string
  minOverlap: number
}

export const AGREEMENT_REPORT_FORMAT = 'marginalia-agreement'
export const AGREEMENT_REPORT_VERSION = 1

export interface AgreementReport {
  format: typeof AGREEMENT_REPORT_FORMAT
  version: typeof AGREEMENT_REPORT_VERSION
  analysts: string[]
  layers: string[]
  method: AgreementMethod
  /** Pooled over every document. */
  project: AgreementSection
  documents: DocumentAgreement[]
  disagreements: Disagreement[]
  /** Things left out and why (a relation to a missing span, a span on an unknown layer, …). */
  warnings: string[]
}
