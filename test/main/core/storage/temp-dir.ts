// Temp project folders for the storage tests, removed after each test.
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach } from 'vitest'

const made: string[] = []

/** A fresh temp folder, removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'marginalia-store-'))
  made.push(dir)
  return dir
}

afterEach(async () => {
  while (made.length > 0) await rm(made.pop()!, { recursive: true, force: true })
})
