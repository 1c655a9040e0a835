// The entry points. `computeAgreement` runs a whole project; `AgreementComputation` takes one
// document at a time (a worker can post each document's figures as they come, report progress and
// stop between documents) and pools them at `finish()`.
import type { AnnotationSchema, Layer, RelationType } from '../model'
import { documentDisagreements } from './disagreements'
import { docLabelMaterial } from './doc-labels'
import { alignDocument } from './document'
import { layerMaterial } from './layer-material'
import { agreementMethod } from './method'
import { relationIndex, relationMaterial } from './relation-material'
import { buildSection, type DocumentMaterial, type SectionContext } from './section'
import {
  AGREEMENT_REPORT_FORMAT,
  AGREEMENT_REPORT_VERSION,
  AgreementCancelled,
  type AgreementDocument,
  type AgreementInput,
  type AgreementOptions,
  type AgreementReport,
  type Disagreement,
  type DocumentAgreement,
} from './types'

/** Every analyst with a set in any of the documents, sorted by name. */
export function analystsOf(documents: readonly AgreementDocument[]): string[] {
  const names = new Set<string>()
  for (const d of documents) for (const a of Object.keys(d.sets)) names.add(a)
  return [...names].sort()
}

export class AgreementComputation {
  private readonly materials: DocumentMaterial[] = []
  private readonly documents: DocumentAgreement[] = []
  private readonly disagreements: Disagreement[] = []
  private readonly warnings: string[] = []
  private readonly seen = new Set<string>()
  private readonly context: SectionContext
  private readonly minOverlap: number

  constructor(
    private readonly schema: AnnotationSchema,
    private readonly analysts: readonly string[],
    options: Pick<AgreementOptions, 'layers' | 'minOverlap' | 'includeUnits'> = {},
  ) {
    if (new Set(analysts).size !== analysts.length) throw new Error('an analyst is listed twice')
    this.minOverlap = options.minOverlap ?? 0
    if (!(this.minOverlap >= 0 && this.minOverlap <= 1)) {
      throw new Error('minOverlap must be between 0 and 1')
    }
    const wanted = options.layers
    const unknown = (wanted ?? []).filter((id) => !schema.layers.some((l) => l.id === id))
    if (unknown.length) throw new Error(`no layer "${unknown.join('", "')}" in the schema`)
    const layers: Layer[] = schema.layers.filter((l) => !wanted || wanted.includes(l.id))
    const ids = new Set(layers.map((l) => l.id))
    const relationTypes: RelationType[] = schema.relationTypes.filter((t) =>
      [...t.from, ...t.to].some((id) => ids.has(id)),
    )
    this.context = { schema, layers, relationTypes, includeUnits: options.includeUnits ?? false }
  }

  /** Compares one document; returns its own figures (pooled again at finish()). */
  addDocument(doc: AgreementDocument): DocumentAgreement {
    if (this.seen.has(doc.id)) throw new Error(`document "${doc.id}" was added twice`)
    this.seen.add(doc.id)
    const alignment = alignDocument(doc, this.schema, this.analysts, this.minOverlap, this.warnings)
    if (alignment.analysts.length < 2) {
      this.warnings.push(
        `${doc.id}: fewer than two of the compared analysts annotated it (${alignment.analysts.join(', ') || 'none'})`,
      )
    }
    const { layers, relationTypes } = this.context
    const indexes = relationTypes.map((t) => relationIndex(alignment, t))
    const material: DocumentMaterial = {
      documentId: doc.id,
      analysts: alignment.analysts,
      layers: new Map(
        layers.map((l) => [l.id, layerMaterial(alignment, alignment.layers.get(l.id)!)]),
      ),
      relations: new Map(
        indexes.map((index) => [index.type.id, relationMaterial(alignment, index)]),
      ),
      docLabels: new Map(this.schema.labelSets.map((s) => [s.id, docLabelMaterial(alignment, s)])),
    }
    this.materials.push(material)
    const section = buildSection([material], alignment.analysts, this.context)
    const result: DocumentAgreement = {
      documentId: doc.id,
      title: doc.title ?? doc.id,
      analysts: alignment.analysts,
      ...section,
    }
    this.documents.push(result)
    this.disagreements.push(
      ...documentDisagreements(alignment, this.schema, new Set(layers.map((l) => l.id)), indexes),
    )
    return result
  }

  /** Pools every document added so far into the report. */
  finish(): AgreementReport {
    const warnings = [...this.warnings]
    for (const a of this.analysts) {
      if (!this.materials.some((m) => m.analysts.includes(a))) {
        warnings.push(`analyst "${a}" annotated none of the documents`)
      }
    }
    return {
      format: AGREEMENT_REPORT_FORMAT,
      version: AGREEMENT_REPORT_VERSION,
      analysts: [...this.analysts],
      layers: this.context.layers.map((l) => l.id),
      method: agreementMethod(this.minOverlap),
      project: buildSection(this.materials, this.analysts, this.context),
      documents: [...this.documents],
      disagreements: [...this.disagreements],
      warnings,
    }
  }
}

/** Computes the agreement report of a project's documents (see docs/AGREEMENT.md). */
export function computeAgreement(
  input: AgreementInput,
  options: AgreementOptions = {},
): AgreementReport {
  const analysts = options.analysts ? [...options.analysts] : analystsOf(input.documents)
  const computation = new AgreementComputation(input.schema, analysts, options)
  const total = input.documents.length
  input.documents.forEach((doc, i) => {
    if (options.signal?.aborted) throw new AgreementCancelled()
    computation.addDocument(doc)
    options.onProgress?.(i + 1, total)
  })
  return computation.finish()
}
