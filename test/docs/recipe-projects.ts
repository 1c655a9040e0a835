// The projects the recipe tests export: the hostile project (test/main/fixtures/hostile-project.ts:
// emoji, ZWJ, flags, combining marks, CJK, RTL, NBSP, tabs, form feed, U+0085, U+2028, CRLF and
// lone CR, `#` tokens, formula-like text, overlapping spans, a label two layers share, a document
// without spans), and the same project with every relation removed, so doccano writes its
// sequence-labelling form (`"label": [...]`, `"label": []` for the document without spans).
import { createHostileProject } from '../main/fixtures/hostile-project'

/** Builds the hostile project in `dir`; without relations when `linked` is false. */
export async function buildHostileProject(dir: string, linked = true): Promise<string> {
  const store = await createHostileProject(dir)
  try {
    if (!linked) {
      for (const { id } of store.project.documents) {
        const { annotations } = await store.loadDocument(id)
        await store.saveAnnotations(id, { ...annotations, relations: [] })
      }
    }
  } finally {
    await store.close()
  }
  return dir
}
