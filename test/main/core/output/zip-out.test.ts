// Zips written entry by entry with zlib's deflate in pieces: read back by fflate and by Python's
// zipfile (which checks every entry's CRC), across the 1 MB pieces an entry is compressed in.
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { crc32 } from 'node:zlib'
import { ZipWriter, crc32Combine } from '../../../../src/main/core/output/zip-out'

let root: string
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'marginalia-zip-'))
})
afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

/** A zip of `entries` (each written in `pieces` writes) as bytes. */
function zipOf(entries: Record<string, string[]>): Uint8Array {
  const chunks: Uint8Array[] = []
  let closed = 0
  const zip = new ZipWriter(
    { write: (bytes) => chunks.push(bytes), close: () => closed++ },
    new Date(2024, 4, 1, 10, 0, 0),
  )
  for (const [name, pieces] of Object.entries(entries)) {
    const entry = zip.entry(name)
    for (const piece of pieces) entry.write(piece)
    entry.close()
  }
  zip.close()
  expect(closed).toBe(1)
  return new Uint8Array(Buffer.concat(chunks))
}

// ~3.5 MB of varied text, written in pieces that do not line up with the 1 MB deflate pieces.
const big = Array.from({ length: 60_000 }, (_, i) => `row ${i} 😀 café ${(i * 7919) % 1000}\n`)
const entries = {
  'empty.txt': [],
  'small.txt': ['hello, ', 'wörld'],
  'dir/big.xml': big,
}

describe('ZipWriter', () => {
  it('writes entries that fflate reads back exactly', () => {
    const files = unzipSync(zipOf(entries))
    expect(Object.keys(files)).toEqual(['empty.txt', 'small.txt', 'dir/big.xml'])
    const text = (name: string) => new TextDecoder().decode(files[name])
    expect(text('empty.txt')).toBe('')
    expect(text('small.txt')).toBe('hello, wörld')
    expect(text('dir/big.xml')).toBe(big.join(''))
  })

  it("writes entries whose sizes and CRCs Python's zipfile accepts", async () => {
    const file = path.join(root, 'test.zip')
    await writeFile(file, zipOf(entries))
    const script =
      'import sys, zipfile, json\n' +
      'z = zipfile.ZipFile(sys.argv[1])\n' +
      'assert z.testzip() is None\n' +
      'print(json.dumps({i.filename: [i.file_size, len(z.read(i))] for i in z.infolist()}))\n'
    const sizes = JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }))
    const bytes = Buffer.byteLength(big.join(''))
    expect(sizes).toEqual({
      'empty.txt': [0, 0],
      'small.txt': [13, 13],
      'dir/big.xml': [bytes, bytes],
    })
  })

  it('refuses an entry while another is open (fflate would hold it in memory)', () => {
    const zip = new ZipWriter({ write: () => undefined, close: () => undefined }, new Date())
    zip.entry('a.txt').write('a')
    expect(() => zip.entry('b.txt')).toThrow(/b\.txt started while a\.txt is open/)
  })
})

describe('ZipWriter parts (compressed ahead, appended to an entry later)', () => {
  /** A zip whose entry `doc.xml` is a head, `parts` compressed ahead in turn, and a tail. */
  function zipWithParts(parts: string[][]): Uint8Array {
    const chunks: Uint8Array[] = []
    const zip = new ZipWriter(
      { write: (bytes) => chunks.push(bytes), close: () => undefined },
      new Date(2024, 4, 1, 10, 0, 0),
    )
    const written = parts.map((pieces) => {
      const part = zip.part()
      for (const piece of pieces) part.write(piece)
      return part
    })
    // Other entries are written while the parts are open, as REFI-QDA writes its sources' texts.
    const other = zip.entry('other.txt')
    other.write('between')
    other.close()
    const entry = zip.entry('doc.xml')
    entry.write('<head/>\n')
    for (const part of written) {
      part.close()
      entry.append(part)
    }
    entry.write('<tail/>\n')
    entry.close()
    zip.close()
    return new Uint8Array(Buffer.concat(chunks))
  }

  it('combines CRCs as the CRC of the bytes joined', () => {
    const a = Buffer.from('head 😀 '.repeat(1000))
    for (const b of [Buffer.alloc(0), Buffer.from('x'), Buffer.from(big.join(''))]) {
      expect(crc32Combine(crc32(a), crc32(b), b.length)).toBe(crc32(Buffer.concat([a, b])))
    }
    expect(crc32Combine(0, crc32('abc'), 3)).toBe(crc32('abc'))
    // Every bit of the length counts (the power of x is found by squaring, bit by bit).
    for (const length of [2, 3, 7, 8, 255, 256, 4097, 65_535, (1 << 21) + 5]) {
      const b = Buffer.alloc(length, 'é😀 ')
      expect(crc32Combine(crc32(a), crc32(b), length), `${length}`).toBe(
        crc32(Buffer.concat([a, b])),
      )
    }
  })

  it('joins the head, the parts (one over 1 MB, one empty) and the tail into one entry', async () => {
    const parts = [big, [], ['<link a="1"/>\n', '<link a="2"/>\n']]
    const bytes = zipWithParts(parts)
    const expected = `<head/>\n${parts.map((p) => p.join('')).join('')}<tail/>\n`
    const files = unzipSync(bytes)
    expect(new TextDecoder().decode(files['doc.xml'])).toBe(expected)
    expect(new TextDecoder().decode(files['other.txt'])).toBe('between')
    // Python's zipfile checks the entry's CRC and size against the bytes it inflates.
    const file = path.join(root, 'parts.zip')
    await writeFile(file, bytes)
    const script =
      'import sys, zipfile\n' +
      'z = zipfile.ZipFile(sys.argv[1])\n' +
      'assert z.testzip() is None\n' +
      'print(len(z.read("doc.xml")))\n'
    const size = execFileSync('python3', ['-c', script, file], { encoding: 'utf8' })
    expect(Number(size)).toBe(Buffer.byteLength(expected))
  })
})
