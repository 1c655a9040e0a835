// The index cache as an open two seconds after the last change writes it: every folder's times
// trusted. Tests that set times with utimes need it, since utimes moves a folder's change time to
// now, which the cache rightly does not trust yet.
import { readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'

/** Marks the cached folder times of the project in `dir` trusted, as they are now. */
export async function settled(dir: string): Promise<void> {
  const cacheFile = path.join(dir, '.marginalia', 'index.json')
  const cache = JSON.parse(await readFile(cacheFile, 'utf8')) as {
    documentsDir: unknown
    sets: Record<string, object>
  }
  const times = async (folder: string) => {
    const info = await stat(path.join(dir, folder))
    return { mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, trusted: true }
  }
  cache.documentsDir = await times('documents')
  for (const setId of Object.keys(cache.sets)) {
    Object.assign(cache.sets[setId], await times(path.join('annotations', setId)))
  }
  await writeFile(cacheFile, JSON.stringify(cache))
}
