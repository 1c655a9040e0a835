// Agreement between analysts: span matching and α_u, κ and α on labels, attributes, relations
// and document labels, per document and pooled, with a disagreement list and report formatters.
// Pure (no Node, DOM or Electron): the CLI, a worker and the renderer all call it. See
// docs/AGREEMENT.md.
export { AgreementComputation, analystsOf, computeAgreement } from './compute'
export {
  categoriesOf,
  cohenKappa,
  coincidenceMatrix,
  daviesFleissKappa,
  fleissKappa,
  krippendorffAlpha,
  pairKappas,
} from './coefficients'
export { UnitTable } from './unit-table'
export { continuumPart, segmentDistance } from './unitizing'
export { unitizingAlpha, unitizingAlphas } from './unitizing-result'
export type { ContinuumPart, Interval } from './unitizing'
export * from './types'
export {
  formatAgreementCsv,
  formatAgreementJson,
  formatAgreementTable,
  spreadsheetSafe,
  type CsvOptions,
} from './format'
export {
  disagreementRows,
  statisticRows,
  STATISTIC_COLUMNS,
  type Cell,
  type RowTable,
} from './rows'
