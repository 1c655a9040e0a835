import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { SAMPLE_DIR, SEED_FILE, buildSampleProject } from '../../../../scripts/make-sample'
import { ProjectStore } from '../../../../src/main/core/storage'
import { checkSpanAnchor } from '../../../../src/shared/anchor'
import { claimRows, claimsWithoutSource, sourceSummaries } from '../../../../src/shared/claims'
import { defaultSchema } from '../../../../src/shared/default-schema'
import { suggestEntities } from '../../../../src/shared/registry'
import { validateAnnotations } from '../../../../src/shared/validate'
import { tempDir } from './temp-dir'

describe('sample project', () => {
  it('opens with no problems and every annotation validates', async () => {
    const store = await ProjectStore.open(SAMPLE_DIR, { lock: false, analyst: 'sample' })
    expect(store.problems).toEqual([])
    expect(store.listAnalysts().map((a) => [a.id, a.name, a.documents])).toEqual([
      ['sample', 'sample', 1],
    ])
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
    expect(annotations.spans.filter((s) => s.layer === 'cue').length).toBeGreaterThan(0)
    // At least one span of each other layer, each with attributes.
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

  it('has a non-trivial claims table: cues, attribution and stance, entities, an unsourced claim', async () => {
    const store = await ProjectStore.open(SAMPLE_DIR, { lock: false, analyst: 'sample' })
    const { schema, entities } = store.project
    expect(schema).toEqual(defaultSchema())
    expect(entities.map((e) => e.name)).toEqual([
      'Vladimir Putin',
      'Kim Jong Un',
      'Antony Blinken',
      'TASS',
    ])
    const file = await store.loadDocument(store.summaries()[0].id)
    await store.close()
    const rows = claimRows(schema, file, entities)
    // Every claim but one has a source, a cue, and attribution kind and stance on each link.
    expect(claimsWithoutSource(schema, file).map((s) => s.id)).toEqual(['claim-tensions'])
    for (const row of rows.filter((r) => r.claimId !== 'claim-tensions')) {
      expect(row.cues.length).toBeGreaterThan(0)
      for (const source of row.sources) {
        expect(source.attribution).not.toBeNull()
        expect(source.stance).not.toBeNull()
      }
    }
    const cooperation = rows.find((r) => r.claimId === 'claim-cooperation')!
    expect(cooperation.cues.map((c) => c.text)).toEqual(['said', 'according to'])
    expect(cooperation.sources.map((s) => [s.entityName, s.stance])).toEqual([
      ['Vladimir Putin', 'asserts'],
      ['TASS', 'reports'],
    ])
    const arms = rows.find((r) => r.claimId === 'claim-arms-transfers')!
    expect(arms.sources.map((s) => s.stance)).toEqual(['asserts', 'denies'])
    // Both wordings of Putin count under one entity in the per-source summary.
    const putin = sourceSummaries(rows).find((s) => s.entityId === 'e-vladimir-putin')!
    expect(putin.claims).toBe(2)
    expect(putin.checkability).toEqual({ factual: 1, prediction: 1 })
    // The registry suggests the right entity for each source's text.
    for (const span of file.annotations.spans.filter((s) => s.entityId)) {
      expect(suggestEntities(span.quote.exact, entities)[0].entity.id).toBe(span.entityId)
    }
  })

  it('is what scripts/make-sample.ts builds, byte for byte, and carries no lock or temp files', async () => {
    const out = path.join(await tempDir(), 'sample')
    await buildSampleProject(out)
    const committed = await listFiles(SAMPLE_DIR)
    expect(committed).toEqual([
      '.gitignore',
      'annotations/sample/russia-north-korea-alliance.json',
      'changes/sample/20240619T120000000Z-sample01.json',
      'documents/russia-north-korea-alliance.json',
      'project.json',
    ])
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
