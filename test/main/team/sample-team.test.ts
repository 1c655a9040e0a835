// The sample's second analyst (resources/sample-team): exactly what scripts/make-sample.ts
// builds, valid for the sample project, and different from the sample analyst where the script
// says (so the Agreement view has real disagreements on a first start).
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  buildSampleProject,
  SAMPLE_DIR,
  SAMPLE_TEAM_DIR,
  SEED_FILE,
} from '../../../scripts/make-sample'
import { installSampleProject } from '../../../src/main/sample-project'
import { ProjectStore } from '../../../src/main/core/storage'

const SET = path.join('annotations', 'ben-okafor', 'russia-north-korea-alliance.json')

let tmp: string
beforeEach(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'marginalia-sample-team-'))
})
afterEach(() => rm(tmp, { recursive: true, force: true }))

describe('the sample team', () => {
  it('is what scripts/make-sample.ts builds, byte for byte', async () => {
    await buildSampleProject(path.join(tmp, 'p'), SEED_FILE, path.join(tmp, 't'))
    const built = await readFile(path.join(tmp, 't', SET), 'utf8')
    expect(built).toBe(await readFile(path.join(SAMPLE_TEAM_DIR, SET), 'utf8'))
  })

  it('is installed with the sample, valid, beside the sample analyst and the user', async () => {
    const dir = await installSampleProject(SAMPLE_DIR, path.join(tmp, 'projects'), 'Cleo')
    const store = await ProjectStore.open(dir, { lock: false, analyst: 'Cleo' })
    try {
      expect(store.problems).toEqual([])
      expect(
        store
          .listAnalysts()
          .map((a) => a.id)
          .sort(),
      ).toEqual(['ben-okafor', 'cleo', 'sample'])
      const doc = store.project.documents[0].id
      const ben = (await store.loadAnnotations(doc, 'ben-okafor'))!
      const text = (await store.loadDocument(doc)).document.text
      for (const s of ben.annotations.spans) expect(text.slice(s.start, s.end)).toBe(s.quote.exact)
      expect(ben.analyst).toBe('Ben Okafor')
      expect(ben.annotations.docLabels).toEqual({ overall_sentiment: ['negative'] })
    } finally {
      await store.close()
    }
  })
})
