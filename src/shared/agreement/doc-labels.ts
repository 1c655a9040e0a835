// Document labels as reliability data. A single-choice label set has one unit per document whose
// value is the chosen value. A multiple-choice set has one unit per document and value of the set
// (the schema's values and any other value an analyst chose), "yes" or "no" for each analyst who
// chose at least one value of the set there. An analyst who chose nothing gives no value (missing).
import type { LabelSet } from '../model'
import type { DocumentAlignment } from './document'
import { UnitTable } from './unit-table'
import type { ReliabilityTriple } from './types'

export interface DocLabelMaterial {
  labelSetId: string
  table: UnitTable
}

/** An analyst's values of a label set in a document, sorted; empty when none. */
export function chosenValues(
  alignment: DocumentAlignment,
  analyst: string,
  set: LabelSet,
): string[] {
  const values = alignment.document.sets[analyst]?.docLabels[set.id] ?? []
  return [...new Set(values)].sort()
}

/** How a choice shows in reports: the values joined by " + ", or null when none. */
export function choiceText(values: readonly string[]): string | null {
  return values.length ? values.join(' + ') : null
}

export function docLabelMaterial(alignment: DocumentAlignment, set: LabelSet): DocLabelMaterial {
  const docId = alignment.document.id
  const chosen = new Map(alignment.analysts.map((a) => [a, chosenValues(alignment, a, set)]))
  const triples: ReliabilityTriple[] = []
  if (!set.multiple) {
    for (const [coder, values] of chosen) {
      const value = choiceText(values)
      if (value !== null) triples.push({ coder, unit: `${docId}/${set.id}`, value })
    }
    return { labelSetId: set.id, table: UnitTable.of(triples) }
  }
  const others = [...new Set([...chosen.values()].flat())].filter((v) => !set.values.includes(v))
  for (const v of [...set.values, ...others.sort()]) {
    for (const [coder, values] of chosen) {
      if (values.length === 0) continue
      triples.push({
        coder,
        unit: `${docId}/${set.id}/${v}`,
        value: values.includes(v) ? 'yes' : 'no',
      })
    }
  }
  return { labelSetId: set.id, table: UnitTable.of(triples) }
}
