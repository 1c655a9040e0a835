// Document labels (label sets such as "Overall sentiment") as the panel edits them.
import type { DocLabels, LabelSet } from '../../../shared/model'

/**
 * The labels after the user picks `value` in `set`: a single-choice set keeps only that value (an
 * empty value clears it); a multiple-choice set adds or removes it, in the schema's order.
 */
export function chooseDocLabel(
  labels: DocLabels,
  set: LabelSet,
  value: string,
  checked: boolean,
): DocLabels {
  const next: DocLabels = { ...labels }
  let values: string[]
  if (!set.multiple) {
    values = checked && value ? [value] : []
  } else {
    const chosen = new Set(labels[set.id] ?? [])
    if (checked) chosen.add(value)
    else chosen.delete(value)
    values = set.values.filter((v) => chosen.has(v))
  }
  if (values.length) next[set.id] = values
  else delete next[set.id]
  return next
}
