// Writes the JSON Schemas of the native files (src/shared/json-schemas.ts, generated from the zod
// model) to schemas/, formatted by Prettier so `npm run format` leaves them as they are. A test
// (test/shared/json-schemas.test.ts) fails when the committed files differ from a fresh run.
//
// Run: npm run schemas
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { format, resolveConfig } from 'prettier'
import { jsonSchemaFiles } from '../src/shared/json-schemas'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const SCHEMAS_DIR = path.join(root, 'schemas')

/** File name under schemas/ → its text, exactly as it is committed. */
export async function renderSchemaFiles(): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const [name, schema] of Object.entries(jsonSchemaFiles())) {
    const file = path.join(SCHEMAS_DIR, name)
    const config = (await resolveConfig(file)) ?? {}
    out[name] = await format(JSON.stringify(schema, null, 2), { ...config, filepath: file })
  }
  return out
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  for (const [name, text] of Object.entries(await renderSchemaFiles())) {
    await writeFile(path.join(SCHEMAS_DIR, name), text)
    console.log(`wrote schemas/${name}`)
  }
}
