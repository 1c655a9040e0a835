// Builds resources/sample-project/ from resources/seeds/russia-north-korea-alliance.txt: the seed is
// imported as plain text (through the same importer as the app) and given a handful of example
// annotations, found by searching their quotes in the text, so a first start shows what the tool
// does: claims with their sources, attribution cues ("said", "according to", "told reporters"),
// attribution kind and stance on each claim → source link, sentiment, one claim left without a
// source, highlights in the opening paragraphs (so the first screen shows some), and a source
// registry whose entities the source spans point to, so the claims table is worth opening. Ids and
// timestamps are fixed, so running it again gives identical files. A second analyst's set of the
// article (sample-second-analyst.ts), shipped apart in resources/sample-team/, gives the app's
// Agreement and Curation views something to show on a first start.
//
// Run: npx tsx scripts/make-sample.ts [outDir] [teamDir]
import { cp, mkdir, readFile, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { importDocumentFile } from '../src/main/core/import'
import { LOCAL_DIR, ProjectStore, type StoreEnv } from '../src/main/core/storage'
import { analystId } from '../src/shared/analysts'
import { quoteOf } from '../src/shared/anchor'
import type { Annotations, Attributes, Entity, Relation, Span } from '../src/shared/model'
import { SECOND_ANALYST, secondAnalystAnnotations } from './sample-second-analyst'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const SEED_FILE = path.join(root, 'resources', 'seeds', 'russia-north-korea-alliance.txt')
export const SAMPLE_DIR = path.join(root, 'resources', 'sample-project')
/**
 * The sample's second analyst, shipped apart (`annotations/<set>/<doc>.json` under it) and added
 * to the app's copy of the sample on first start, so the command line's `init --sample` and every
 * copy of the sample project stay one analyst's.
 */
export const SAMPLE_TEAM_DIR = path.join(root, 'resources', 'sample-team')

const CREATED = '2024-06-19T12:00:00.000Z'
const ANNOTATOR = 'sample'

/**
 * Fixed clock and ids: the project is `sample`, the document `russia-north-korea-alliance`, change
 * files are numbered. The annotations are the set of the analyst "sample".
 */
function sampleEnv(): StoreEnv {
  let changes = 0
  return {
    now: () => new Date(CREATED),
    newId: (prefix) => {
      if (prefix === 'd') return 'russia-north-korea-alliance'
      if (prefix === 'c') return `c-sample${String(++changes).padStart(2, '0')}`
      return 'sample'
    },
  }
}

/** A span to find: `exact` inside the first occurrence of `within` (which defaults to it). */
interface Mark {
  id: string
  layer: string
  label: string
  exact: string
  within?: string
  attributes: Attributes
  entityId?: string
}

/** The source registry: the actors the sample's sources refer to, across their wordings. */
export const SAMPLE_ENTITIES: Entity[] = [
  {
    id: 'e-vladimir-putin',
    name: 'Vladimir Putin',
    kind: 'person',
    aliases: ['Putin', 'Russian President Vladimir Putin'],
    note: 'President of Russia.',
  },
  {
    id: 'e-kim-jong-un',
    name: 'Kim Jong Un',
    kind: 'person',
    aliases: ['Kim', 'North Korean leader Kim Jong Un'],
    note: 'Leader of North Korea.',
  },
  {
    id: 'e-antony-blinken',
    name: 'Antony Blinken',
    kind: 'government',
    aliases: ['Blinken', 'U.S. Secretary of State Antony Blinken'],
    note: 'U.S. Secretary of State.',
  },
  {
    id: 'e-tass',
    name: 'TASS',
    kind: 'media',
    aliases: ['Russian news agency TASS', 'Russian state news agency TASS'],
    note: 'Russian state news agency.',
  },
]

const MARKS: Mark[] = [
  {
    id: 'claim-mutual-assistance',
    layer: 'claim',
    label: 'Claim',
    exact:
      'The comprehensive partnership agreement signed today includes, among other things, the provision of mutual assistance in the event of aggression against one of the parties to this agreement',
    attributes: { checkability: 'factual', note: 'Checkable once the treaty text is published.' },
  },
  {
    id: 'source-putin',
    layer: 'source',
    label: 'Source',
    exact: 'Putin',
    within: 'Putin said after the meeting',
    attributes: { kind: 'person' },
    entityId: 'e-vladimir-putin',
  },
  {
    id: 'claim-fiery-friendship',
    layer: 'claim',
    label: 'Claim',
    exact: 'Moscow and Pyongyang’s “fiery friendshipis now even closer than during Soviet times',
    attributes: { checkability: 'opinion' },
  },
  {
    id: 'source-kim',
    layer: 'source',
    label: 'Source',
    exact: 'Kim',
    within: 'Kim said Moscow and Pyongyang',
    attributes: { kind: 'person' },
    entityId: 'e-kim-jong-un',
  },
  {
    id: 'claim-munitions',
    layer: 'claim',
    label: 'Claim',
    exact: 'North Korea is providing significant munitions to Russia',
    attributes: { checkability: 'factual' },
  },
  {
    id: 'source-blinken',
    layer: 'source',
    label: 'Source',
    exact: 'U.S. Secretary of State Antony Blinken',
    attributes: { kind: 'government', note: 'Speaking in Washington.' },
    entityId: 'e-antony-blinken',
  },
  {
    id: 'claim-cooperation',
    layer: 'claim',
    label: 'Claim',
    exact: 'Russia would not rule out developing a military-technical cooperation with North Korea',
    attributes: { checkability: 'prediction' },
  },
  {
    id: 'source-putin-2',
    layer: 'source',
    label: 'Source',
    exact: 'Putin',
    within: 'Putin said, according to Russian news agency TASS',
    attributes: { kind: 'person', note: 'Reported by TASS.' },
    entityId: 'e-vladimir-putin',
  },
  {
    id: 'source-tass',
    layer: 'source',
    label: 'Source',
    exact: 'Russian news agency TASS',
    attributes: { kind: 'media' },
    entityId: 'e-tass',
  },
  {
    id: 'claim-arms-transfers',
    layer: 'claim',
    label: 'Claim',
    exact:
      'providing Russia with artillery, missiles, and other military equipment for use in Ukraine',
    attributes: { checkability: 'factual' },
  },
  {
    id: 'source-us-sk-officials',
    layer: 'source',
    label: 'Source',
    exact: 'U.S. and South Korean officials',
    within: 'U.S. and South Korean officials accuse',
    attributes: { kind: 'government' },
  },
  {
    id: 'source-pyongyang-moscow',
    layer: 'source',
    label: 'Source',
    exact: 'Pyongyang and Moscow',
    within: 'Both Pyongyang and Moscow deny',
    attributes: { kind: 'government' },
  },
  {
    id: 'claim-tensions',
    layer: 'claim',
    label: 'Claim',
    exact: 'Tensions on the Korean Peninsula are at their highest point in years',
    attributes: { checkability: 'factual', note: 'Stated by the article itself, with no source.' },
  },
  {
    id: 'cue-putin-said',
    layer: 'cue',
    label: 'Cue',
    exact: 'said',
    within: 'Putin said after the meeting',
    attributes: {},
  },
  {
    id: 'cue-kim-said',
    layer: 'cue',
    label: 'Cue',
    exact: 'said',
    within: 'Kim said Moscow and Pyongyang',
    attributes: {},
  },
  {
    id: 'cue-blinken-told-reporters',
    layer: 'cue',
    label: 'Cue',
    exact: 'told reporters',
    within: 'Blinken told reporters',
    attributes: {},
  },
  {
    id: 'cue-putin-said-2',
    layer: 'cue',
    label: 'Cue',
    exact: 'said',
    within: 'Putin said, according to Russian news agency TASS',
    attributes: {},
  },
  {
    id: 'cue-according-to-tass',
    layer: 'cue',
    label: 'Cue',
    exact: 'according to',
    within: 'according to Russian news agency TASS',
    attributes: { note: 'Putin’s words as TASS reported them.' },
  },
  {
    id: 'cue-accuse',
    layer: 'cue',
    label: 'Cue',
    exact: 'accuse',
    within: 'officials accuse the North',
    attributes: {},
  },
  {
    id: 'cue-deny',
    layer: 'cue',
    label: 'Cue',
    exact: 'deny',
    within: 'Moscow deny accusations',
    attributes: {},
  },
  {
    id: 'sentiment-lavish',
    layer: 'sentiment',
    label: 'Sentiment',
    exact: 'welcomed Putin with a lavish ceremony',
    attributes: { polarity: 'positive', intensity: 2 },
  },
  {
    id: 'sentiment-fiery',
    layer: 'sentiment',
    label: 'Sentiment',
    exact: 'fiery friendship',
    attributes: { polarity: 'positive', intensity: 3, note: 'Kim’s words, quoted.' },
  },
  {
    id: 'sentiment-united-front',
    layer: 'sentiment',
    label: 'Sentiment',
    exact: 'cement a united front against Washington',
    attributes: { polarity: 'negative', intensity: 2 },
  },
  {
    id: 'sentiment-growing-concerns',
    layer: 'sentiment',
    label: 'Sentiment',
    exact: 'growing concerns',
    attributes: { polarity: 'negative', intensity: 1 },
  },
  {
    id: 'sentiment-desperation',
    layer: 'sentiment',
    label: 'Sentiment',
    exact: 'in desperation',
    attributes: { polarity: 'negative', intensity: 2 },
  },
]

/** A relation: id, type, from, to and its attributes. */
type Link = [string, string, string, string, Attributes?]

const quoted: Attributes = { attribution: 'direct_quote', stance: 'asserts' }

/** Claim → source links (with attribution kind and stance) and cue → claim links. */
const LINKS: Link[] = [
  ['rel-mutual-assistance', 'attributed_to', 'claim-mutual-assistance', 'source-putin', quoted],
  ['rel-fiery-friendship', 'attributed_to', 'claim-fiery-friendship', 'source-kim', quoted],
  ['rel-munitions', 'attributed_to', 'claim-munitions', 'source-blinken', quoted],
  [
    'rel-cooperation',
    'attributed_to',
    'claim-cooperation',
    'source-putin-2',
    { attribution: 'indirect', stance: 'asserts' },
  ],
  [
    'rel-cooperation-tass',
    'attributed_to',
    'claim-cooperation',
    'source-tass',
    { attribution: 'indirect', stance: 'reports' },
  ],
  [
    'rel-arms-transfers-accused',
    'attributed_to',
    'claim-arms-transfers',
    'source-us-sk-officials',
    { attribution: 'paraphrase', stance: 'asserts' },
  ],
  [
    'rel-arms-transfers-denied',
    'attributed_to',
    'claim-arms-transfers',
    'source-pyongyang-moscow',
    { attribution: 'paraphrase', stance: 'denies' },
  ],
  ['rel-cue-mutual-assistance', 'cue_of', 'cue-putin-said', 'claim-mutual-assistance'],
  ['rel-cue-fiery-friendship', 'cue_of', 'cue-kim-said', 'claim-fiery-friendship'],
  ['rel-cue-munitions', 'cue_of', 'cue-blinken-told-reporters', 'claim-munitions'],
  ['rel-cue-cooperation', 'cue_of', 'cue-putin-said-2', 'claim-cooperation'],
  ['rel-cue-cooperation-tass', 'cue_of', 'cue-according-to-tass', 'claim-cooperation'],
  ['rel-cue-arms-accuse', 'cue_of', 'cue-accuse', 'claim-arms-transfers'],
  ['rel-cue-arms-deny', 'cue_of', 'cue-deny', 'claim-arms-transfers'],
]

/** The sample's annotations on `text`; throws if a quote is not found. */
export function sampleAnnotations(text: string): Annotations {
  const spans: Span[] = MARKS.map((m) => {
    const within = m.within ?? m.exact
    const at = text.indexOf(within)
    const offset = within.indexOf(m.exact)
    if (at === -1 || offset === -1) throw new Error(`sample quote not found: ${within}`)
    const start = at + offset
    const end = start + m.exact.length
    return {
      id: m.id,
      layer: m.layer,
      label: m.label,
      start,
      end,
      quote: quoteOf(text, start, end),
      attributes: m.attributes,
      ...(m.entityId ? { entityId: m.entityId } : {}),
      annotator: ANNOTATOR,
      createdAt: CREATED,
      updatedAt: CREATED,
    }
  })
  const relations: Relation[] = LINKS.map(([id, type, from, to, attributes = {}]) => ({
    id,
    type,
    from,
    to,
    attributes,
    annotator: ANNOTATOR,
    createdAt: CREATED,
    updatedAt: CREATED,
  }))
  return { spans, relations, docLabels: { overall_sentiment: ['mixed'] } }
}

/**
 * Builds the sample project into `outDir` (replacing it) from the seed text, and with `teamDir`
 * the second analyst's set into that folder (replacing it).
 */
export async function buildSampleProject(
  outDir: string,
  seedFile = SEED_FILE,
  teamDir?: string,
): Promise<void> {
  await rm(outDir, { recursive: true, force: true })
  let team: { docId: string; annotations: Annotations } | undefined
  const store = await ProjectStore.create(outDir, {
    name: 'Sample: Russia–North Korea alliance',
    analyst: ANNOTATOR,
    env: sampleEnv(),
  })
  try {
    await store.setEntities(SAMPLE_ENTITIES)
    const document = importDocumentFile(path.basename(seedFile), await readFile(seedFile))
    document.metadata = { ...document.metadata, outlet: 'AP/CNN/F24/HT' }
    document.annotations = sampleAnnotations(document.text)
    const result = await store.addDocument(document)
    if (result.status !== 'added') throw new Error('the sample document was not added')
    const annotations = secondAnalystAnnotations(document.text, document.annotations)
    team = { docId: result.entry.id, annotations }
  } finally {
    await store.close()
  }
  if (teamDir !== undefined && team) {
    await buildTeamSet(outDir, teamDir, team.docId, team.annotations)
  }
  // The index cache is this machine's, never part of the shipped project.
  await rm(path.join(outDir, LOCAL_DIR), { recursive: true, force: true })
}

/**
 * Writes the second analyst's set into a copy of the sample, then moves its set folder to
 * `teamDir/annotations/`: the file is exactly what the store writes for that analyst.
 */
async function buildTeamSet(
  sampleDir: string,
  teamDir: string,
  docId: string,
  annotations: Annotations,
): Promise<void> {
  await rm(teamDir, { recursive: true, force: true })
  const work = `${teamDir}.work`
  await rm(work, { recursive: true, force: true })
  await cp(sampleDir, work, { recursive: true })
  const set = analystId(SECOND_ANALYST)
  const store = await ProjectStore.open(work, { analyst: ANNOTATOR, env: sampleEnv() })
  try {
    await store.saveAnnotations(docId, annotations, {
      set,
      analyst: SECOND_ANALYST,
      updatedAt: CREATED,
      stamp: false,
    })
  } finally {
    await store.close()
  }
  await mkdir(path.join(teamDir, 'annotations'), { recursive: true })
  await rename(path.join(work, 'annotations', set), path.join(teamDir, 'annotations', set))
  await rm(work, { recursive: true, force: true })
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const outDir = path.resolve(process.argv[2] ?? SAMPLE_DIR)
  const teamDir = path.resolve(process.argv[3] ?? SAMPLE_TEAM_DIR)
  await buildSampleProject(outDir, SEED_FILE, teamDir)
  console.log(`sample project written to ${outDir}, its second analyst to ${teamDir}`)
}
