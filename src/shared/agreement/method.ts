// The report's own statement of how units were formed and what each figure means, so a table or
// CSV read months later still says what was measured. docs/AGREEMENT.md says the same at length.
import type { AgreementMethod } from './types'

export function agreementMethod(minOverlap: number): AgreementMethod {
  const overlap =
    minOverlap > 0
      ? `a Jaccard overlap (shared ÷ covered code points) of at least ${minOverlap}`
      : 'at least one shared character'
  return {
    offsets:
      'Span offsets (start, end) are UTF-16 code units into the document text, as in the project ' +
      'files; overlap sizes, α_u lengths and the codePoint* fields count Unicode code points.',
    exactMatch:
      'Two analysts\u2019 spans of one layer match exactly when their start and end are equal ' +
      '(and, for labelled scores, their labels); each span matches at most one.',
    overlapMatch:
      `Two spans of one layer match by overlap when they share ${overlap}. Candidate pairs are ` +
      'ranked by Jaccard overlap, then shared code points, then position, and accepted greedily ' +
      'while both spans are unmatched (a one-to-one greedy matching).',
    alignment:
      'Units for κ and α: every span starts as its own unit; in the same ranked order, two units ' +
      'merge when they have no analyst in common and every span of one overlaps every span of ' +
      'the other. A unit holds at most one span per analyst; with two analysts the units are the ' +
      'overlap matches.',
    spanScores:
      'For a pair (a, b), a is the reference: recall = matches ÷ a\u2019s spans, precision = ' +
      'matches ÷ b\u2019s spans, F1 = 2·matches ÷ (a\u2019s + b\u2019s spans). Label-blind scores ' +
      'match spans of a layer whatever their labels; labelled scores match within each label and ' +
      'add up over the labels.',
    alphaU:
      'Krippendorff\u2019s α_u (Krippendorff 2004) per label on the continuum of the text\u2019s ' +
      'code points, each analyst\u2019s spans of that label being units and the rest gaps; a ' +
      'layer\u2019s α_u is joint over its labels (1 − ΣD_o ÷ ΣD_e). A document where one ' +
      'analyst\u2019s spans of a label overlap is left out of that label\u2019s α_u (named under ' +
      '"excluded"). With more than two analysts the m-observer form is given with each pair\u2019s ' +
      'two-observer value; Krippendorff et al. (2016) note the m-observer form can mislead.',
    labels:
      'Label agreement: one unit per aligned unit; each analyst with a span in it gives that ' +
      'span\u2019s label.',
    attributes:
      'Span attributes (enum, boolean: nominal; number: interval α): one unit per aligned unit; ' +
      'an analyst whose span has the attribute set gives its value; unset is a missing value. ' +
      'Per-pair F1 counts (span, value) matches between overlap-matched spans.',
    relations:
      'A relation of a matches one of b when the types are equal and each end of a\u2019s is ' +
      'overlap-matched to the same end of b\u2019s; one-to-one. "matchedEnds" counts only relations ' +
      'whose two ends both have a matched span in the other set. Relation attributes: one unit ' +
      'per aligned relation (type, aligned from, aligned to).',
    links:
      'Link agreement: one unit per aligned unit of a layer a relation type starts from (e.g. each ' +
      'claim); each analyst with a span there gives the aligned unit(s) they linked it to, or ' +
      '"(none)". Categories are unit ids, so no confusion matrix is given.',
    docLabels:
      'Document labels: a single-choice set gives one unit per document; a multiple-choice set ' +
      'one unit per document and value (yes/no). An analyst who chose nothing gives no value.',
    missing:
      'An analyst without a value for a unit is a missing value, as in Krippendorff\u2019s α: α ' +
      'uses every unit with two or more values; Cohen\u2019s κ uses the units both analysts coded; ' +
      'Fleiss\u2019 κ uses the units every compared analyst coded. An analyst who did not annotate ' +
      'a document takes no part in that document.',
    coefficients:
      'Cohen\u2019s κ (1960); Fleiss\u2019 κ (1971), which for two analysts is Scott\u2019s π; ' +
      'meanCohen is the mean of the pairs\u2019 κ (Light\u2019s κ); Krippendorff\u2019s α with ' +
      'the coincidence matrix. A coefficient is null with a reason when it is undefined (no ' +
      'units, or no variation: expected agreement 1, expected disagreement 0).',
    pooling:
      'Project figures pool the documents: match counts are summed (micro-averaged F1), κ and α ' +
      'are computed once on all units, α_u lays the documents end to end (a gap never crosses a ' +
      'document boundary).',
    minOverlap,
  }
}
