import { readFileSync } from 'node:fs'
import { createServer, get } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { NewDocument } from '../../../../src/main/core/storage'

/** Bytes of a fixture under test/fixtures/import. */
export function fixture(name: string): Uint8Array {
  return readFileSync(new URL(`../../../fixtures/import/${name}`, import.meta.url))
}

/** UTF-8 bytes of a string. */
export function utf8(s: string): Uint8Array {
  return new TextEncoder().encode(s)
}

/** The text of each block as [type, text] pairs (with the heading level appended to the type). */
export function blockTexts(doc: NewDocument): [string, string][] {
  return doc.blocks.map((b) => [
    b.level ? `${b.type}${b.level}` : b.type,
    doc.text.slice(b.start, b.end),
  ])
}

/** Checks the block invariants: ordered, non-overlapping, trimmed, separated by text. */
export function expectSoundBlocks(doc: NewDocument): void {
  let previousEnd = -1
  for (const b of doc.blocks) {
    if (!(b.start > previousEnd && b.start < b.end && b.end <= doc.text.length)) {
      throw new Error(`block ${JSON.stringify(b)} out of order or out of range`)
    }
    const text = doc.text.slice(b.start, b.end)
    if (text.trim() !== text) throw new Error(`block ${JSON.stringify(text)} is not trimmed`)
    previousEnd = b.end
  }
}

/** A web server on 127.0.0.1 that records the paths it is asked for (to prove none are asked). */
export interface RecordingServer {
  base: string
  /** Paths requested so far, after a probe of our own that every earlier request precedes. */
  requestsAfterProbe(): Promise<string[]>
  close(): Promise<void>
}

/** Starts a RecordingServer answering every request with `body`. */
export async function recordingServer(body = ''): Promise<RecordingServer> {
  const requests: string[] = []
  const server = createServer((req, res) => {
    requests.push(req.url ?? '')
    res.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    base,
    async requestsAfterProbe() {
      await new Promise<void>((resolve, reject) =>
        get(`${base}/probe`, (r) => r.resume().on('end', resolve)).on('error', reject),
      )
      return requests
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
