// Builds resources/sample-project/ from resources/seeds/russia-north-korea-alliance.txt: the seed is
// imported as plain text (through the same importer as the app) and given a handful of example
// annotations, found by searching their quotes in the text, so a first start shows what the tool
// does. Ids and timestamps are fixed, so running it again gives identical files.
//
// Run: npx tsx scripts/make-sample.ts [outDir]
import { readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { importDocumentFile } from '../src/main/core/import'
import { ProjectStore, type StoreEnv } from '../src/main/core/storage'
import { quoteOf } from '../src/shared/anchor'
import type { Annotations, Attributes, Relation, Span } from '../src/shared/model'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const SEED_FILE = path.join(root, 'resources', 'seeds', 'russia-north-korea-alliance.txt')
export const SAMPLE_DIR = path.join(root, 'resources', 'sample-project')

const CREATED = '2024-06-19T12:00:00.000Z'
const ANNOTATOR = 'sample'

/** Fixed clock and ids: the project is `sample`, the document `russia-north-korea-alliance`. */
const env: StoreEnv = {
  now: () => new Date(CREATED),
  newId: (prefix) => (prefix === 'd' ? 'russia-north-korea-alliance' : 'sample'),
}

/** A span to find: `exact` inside the first occurrence of `within` (which defaults to it). */
interface Mark {
  id: string
  layer: string
  label: string
  exact: string
  within?: string
  attributes: Attributes
}

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
  },
  {
    id: 'claim-fiery-friendship',
    layer: 'claim',
    label: 'Claim',
    exact: 'is now even closer than during Soviet times',
    attributes: { checkability: 'opinion' },
  },
  {
    id: 'source-kim',
    layer: 'source',
    label: 'Source',
    exact: 'Kim',
    within: 'Kim said Moscow and Pyongyang',
    attributes: { kind: 'person' },
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
  },
  {
    id: 'source-tass',
    layer: 'source',
    label: 'Source',
    exact: 'Russian news agency TASS',
    attributes: { kind: 'media' },
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
    id: 'sentiment-desperation',
    layer: 'sentiment',
    label: 'Sentiment',
    exact: 'in desperation',
    attributes: { polarity: 'negative', intensity: 2 },
  },
]

/** Claim → source links. */
const LINKS: [string, string, string][] = [
  ['rel-mutual-assistance', 'claim-mutual-assistance', 'source-putin'],
  ['rel-fiery-friendship', 'claim-fiery-friendship', 'source-kim'],
  ['rel-munitions', 'claim-munitions', 'source-blinken'],
  ['rel-cooperation', 'claim-cooperation', 'source-putin-2'],
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
      annotator: ANNOTATOR,
      createdAt: CREATED,
      updatedAt: CREATED,
    }
  })
  const relations: Relation[] = LINKS.map(([id, from, to]) => ({
    id,
    type: 'attributed_to',
    from,
    to,
    attributes: {},
    annotator: ANNOTATOR,
    createdAt: CREATED,
    updatedAt: CREATED,
  }))
  return { spans, relations, docLabels: { overall_sentiment: ['mixed'] } }
}

/** Builds the sample project into `outDir` (replacing it) from the seed text. */
export async function buildSampleProject(outDir: string, seedFile = SEED_FILE): Promise<void> {
  await rm(outDir, { recursive: true, force: true })
  const store = await ProjectStore.create(outDir, {
    name: 'Sample: Russia–North Korea alliance',
    env,
  })
  try {
    const document = importDocumentFile(path.basename(seedFile), await readFile(seedFile))
    document.metadata = { ...document.metadata, outlet: 'AP/CNN/F24/HT' }
    document.annotations = sampleAnnotations(document.text)
    const result = await store.addDocument(document)
    if (result.status !== 'added') throw new Error('the sample document was not added')
  } finally {
    await store.close()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const outDir = path.resolve(process.argv[2] ?? SAMPLE_DIR)
  await buildSampleProject(outDir)
  console.log(`sample project written to ${outDir}`)
}
