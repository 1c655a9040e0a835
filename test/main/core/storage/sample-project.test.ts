import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { SAMPLE_DIR, SEED_FILE, buildSampleProject } from '../../../../scripts/make-sample'
import { ProjectStore } from '../../../../src/main/core/storage'
import { checkSpanAnchor } from '../../../../src/shared/anchor'
import { validateAnnotations } from '../../../../src/shared/validate'
import { tempDir } from './temp-dir'

describe('sample project', () => {
  it('opens with no problems and every annotation validates', async () => {
    const store = await ProjectStore.open(SAMPLE_DIR, { lock: false })
    expect(store.problems).toEqual([])
    const [summary] = store.summaries()
    expect(store.summaries()).toHaveLength(1)
    const file = await store.loadDocument(summary.id)
    const { document, annotations } = file
    expect(
      validateAnnotations(store.project.schema, document, annotations, store.project.entities),
    ).toEqual([])
    for (const span of annotations.spans) expect(checkSpanAnchor(document.text, span)).toBeNull()

    expect(document.metadata.outlet).toBe('AP/CNN/F24/HT')
    const seed = (await readFile(SEED_FILE, 'utf8')).replace(/\r\n?/g, '\n')
    expect(document.text).toBe(seed)
    // At least one span of each layer, each with attributes.
    for (const layer of ['claim', 'source', 'sentiment']) {
      const spans = annotations.spans.filter((s) => s.layer === layer)
      expect(spans.length).toBeGreaterThan(0)
      for (const s of spans) expect(Object.keys(s.attributes).length).toBeGreaterThan(0)
    }
    // An attributed_to relation from a claim to its source.
    const byId = new Map(annotations.spans.map((s) => [s.id, s]))
    const link = annotations.relations.find((r) => r.type === 'attributed_to')
    expect(byId.get(link!.from)?.layer).toBe('claim')
    expect(byId.get(link!.to)?.layer).toBe('source')
    expect(annotations.docLabels.overall_sentiment).toHaveLength(1)
    expect(summary.spanCount).toBe(annotations.spans.length)
    await store.close()
  })

  it('is what scripts/make-sample.ts builds, byte for byte, and carries no lock or temp files', async () => {
    const out = path.join(await tempDir(), 'sample')
    await buildSampleProject(out)
    const committed = await listFiles(SAMPLE_DIR)
    expect(committed).toEqual(['documents/russia-north-korea-alliance.json', 'project.json'])
    expect(await listFiles(out)).toEqual(committed)
    for (const name of committed) {
      expect(await readFile(path.join(out, name), 'utf8')).toBe(
        await readFile(path.join(SAMPLE_DIR, name), 'utf8'),
      )
    }
  })
})

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort()
}
