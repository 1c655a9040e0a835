// Zips are read without trusting them: each entry is inflated as a stream and reading stops at the
// caps, with an error naming the zip and the entry, before the bomb's bulk is ever in memory.
import { Buffer } from 'node:buffer'
import { deflateRawSync } from 'node:zlib'
import { Zip, ZipDeflate, ZipPassThrough, zipSync, type ZipInputFile } from 'fflate'
import { describe, expect, it } from 'vitest'
import { runImport } from '../../../../src/main/core/formats/importers'
import { ZIP_LIMITS, unzipFiles, type ZipLimits } from '../../../../src/main/core/formats/unzip'
import { MAX_FILE_BYTES } from '../../../../src/shared/limits'
import { testSchema } from './fixtures'

const utf8 = (s: string) => new TextEncoder().encode(s)
const small: ZipLimits = {
  ...ZIP_LIMITS,
  entryBytes: 1000,
  entryText: '1 kB',
  totalBytes: 2500,
  totalText: '2.5 kB',
  entries: 3,
}

/** A zip written as a stream (sizes in data descriptors, as zip tools that stream write them). */
function streamedZip(entries: [string, number, 'deflate' | 'store'][]): Uint8Array {
  const parts: Uint8Array[] = []
  const zip = new Zip((error, chunk) => {
    if (error) throw error
    parts.push(chunk)
  })
  const block = new Uint8Array(1 << 20) // 1 MiB of zeros, pushed as often as needed
  for (const [name, size, method] of entries) {
    const entry =
      method === 'deflate' ? new ZipDeflate(name, { level: 1 }) : new ZipPassThrough(name)
    zip.add(entry)
    for (let left = size; left > 0; left -= block.length) {
      const piece = left >= block.length ? block : block.subarray(0, left)
      entry.push(piece, left <= block.length)
    }
    if (size === 0) entry.push(new Uint8Array(0), true)
  }
  zip.end()
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

describe('reading a zip', () => {
  it('returns its files (folders and __MACOSX left out), deflated or stored, streamed or not', () => {
    const plain = zipSync({
      'brat/a.txt': utf8('Alpha beta'),
      'brat/a.ann': [utf8('T1\tClaim 6 10\tbeta\n'), { level: 0 }],
      '__MACOSX/brat/._a.txt': utf8('junk'),
    })
    expect(unzipFiles({ path: 'x.zip', data: plain }).map((f) => f.path)).toEqual([
      'x.zip/brat/a.txt',
      'x.zip/brat/a.ann',
    ])
    const streamed = streamedZip([
      ['a.txt', 900, 'deflate'],
      ['b.txt', 0, 'store'],
      ['c.txt', 700, 'store'],
    ])
    const files = unzipFiles({ path: 's.zip', data: streamed }, small)
    expect(files.map((f) => [f.path, (f.data as Uint8Array).length])).toEqual([
      ['s.zip/a.txt', 900],
      ['s.zip/b.txt', 0],
      ['s.zip/c.txt', 700],
    ])
  })

  it('stops at the cap per entry, in all, and on the number of files, naming the zip and the entry', () => {
    const big = streamedZip([
      ['ok.txt', 10, 'deflate'],
      ['big.txt', 1001, 'deflate'],
    ])
    expect(() => unzipFiles({ path: 'in/b.zip', data: big }, small)).toThrow(
      'in/b.zip: big.txt: inflates to more than 1 kB; nothing was imported from the zip',
    )
    const stored = streamedZip([['big.txt', 5000, 'store']])
    expect(() => unzipFiles({ path: 's.zip', data: stored }, small)).toThrow(
      /s\.zip: big\.txt: inflates to more than 1 kB/,
    )
    const many = streamedZip([
      ['1.txt', 900, 'deflate'],
      ['2.txt', 900, 'deflate'],
      ['3.txt', 900, 'deflate'],
    ])
    expect(() => unzipFiles({ path: 'm.zip', data: many }, small)).toThrow(
      'm.zip: 3.txt: the zip inflates to more than 2.5 kB in all; nothing was imported from the zip',
    )
    const count = streamedZip(
      [1, 2, 3, 4].map((n) => [`${n}.txt`, 1, 'store'] as [string, number, 'store']),
    )
    expect(() => unzipFiles({ path: 'n.zip', data: count }, small)).toThrow(
      'n.zip: 4.txt: more than 3 files; nothing was imported from the zip',
    )
  })

  it('a real bomb (60 MiB of zeros in a zip of kilobytes, its header lying about the size) stops at 50 MB', () => {
    const parts: Uint8Array[] = []
    const zip = new Zip((error, chunk) => {
      if (error) throw error
      parts.push(chunk)
    })
    const ann: ZipInputFile = { filename: 'brat/a.ann', size: 0, crc: 0, compression: 0 }
    zip.add(ann)
    ann.ondata!(null, new Uint8Array(0), true)
    // Deflated by zlib (fast), declared as 10 bytes: only what inflates is counted.
    const txt: ZipInputFile = { filename: 'brat/a.txt', size: 10, crc: 0, compression: 8 }
    zip.add(txt)
    txt.ondata!(null, deflateRawSync(new Uint8Array(MAX_FILE_BYTES + 10 * 1024 * 1024)), true)
    zip.end()
    const bomb = Buffer.concat(parts)
    expect(bomb.length).toBeLessThan(200_000)
    expect(() =>
      runImport('brat', { files: [{ path: 'bomb.zip', data: bomb }] }, testSchema()),
    ).toThrow(
      'bomb.zip: brat/a.txt: inflates to more than 50 MB; nothing was imported from the zip',
    )
  })

  it('names a file that is not a zip, or a zip cut short', () => {
    expect(() => unzipFiles({ path: 'a.zip', data: 'not a zip' })).toThrow(
      /^a\.zip: not a readable zip file/,
    )
    const cut = streamedZip([['a.txt', 5000, 'deflate']]).subarray(0, 60)
    expect(() => unzipFiles({ path: 'c.zip', data: cut })).toThrow(
      /^c\.zip: not a readable zip file/,
    )
  })
})
