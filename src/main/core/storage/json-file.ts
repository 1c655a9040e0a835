// The lowdb adapter for our JSON files: reads strictly (UTF-8, JSON, then the file's decoder, which
// migrates and validates) and writes durably through one SerialWriter per file. Any failure to read
// becomes a ProjectError that names the file and, where there is one, the field.
// A project file that is a symbolic link is refused without opening what it points to: a link in a
// shared or downloaded project folder could otherwise show the start of any file of the machine
// (say /etc/passwd) in an error message, or load it as a document.
import { constants } from 'node:fs'
import type { Adapter } from 'lowdb'
import { ProjectError } from './errors'
import { isCode } from './durable-write'
import { SerialWriter } from './serial-writer'
import { nodeFs, readWhole, type StorageFs } from './storage-fs'

/** Turns parsed JSON into a valid value, throwing ProjectError naming the field when it is not. */
export interface Decoder<T> {
  decode(raw: unknown, file: string): { value: T; migratedFrom: number | null }
}

/** How a JsonFile is read and written, beyond its decoder. */
export interface JsonFileOptions<T> {
  fs?: StorageFs
  /** Whether a symbolic link is read through (app settings) or refused (project files). */
  links?: 'follow' | 'refuse'
  /** Where temp files go while writing (a project's `.marginalia/tmp`); beside the file if absent. */
  tempDir?: string
  /** The file's text for a value; indented JSON by default. */
  serialize?: (value: T) => string
}

/** A JSON file read and written through lowdb; `null` stands for "no file". */
export class JsonFile<T> implements Adapter<T | null> {
  readonly writer: SerialWriter
  /** Set by `read`: the older format version the file was migrated from, or null. */
  migratedFrom: number | null = null
  private readonly fs: StorageFs
  private readonly links: 'follow' | 'refuse'
  private readonly serialize: (value: T) => string

  constructor(
    readonly file: string,
    private readonly decoder: Decoder<T>,
    options: JsonFileOptions<T> = {},
  ) {
    this.fs = options.fs ?? nodeFs
    this.links = options.links ?? 'refuse'
    this.serialize = options.serialize ?? ((value) => `${JSON.stringify(value, null, 2)}\n`)
    this.writer = new SerialWriter(file, this.fs, options.tempDir)
  }

  /** Reads and decodes the file; null when it does not exist. */
  async read(): Promise<T | null> {
    let bytes: Uint8Array
    try {
      bytes =
        this.links === 'follow'
          ? await readWhole(this.fs, this.file)
          : await readUnlinked(this.fs, this.file)
    } catch (error) {
      if (isCode(error, 'ENOENT')) return null
      if (error instanceof ProjectError) throw error
      throw new ProjectError(this.file, `cannot read the file (${errorText(error)})`, {
        cause: error,
      })
    }
    const raw = parseJson(this.file, bytes)
    const { value, migratedFrom } = this.decoder.decode(raw, this.file)
    this.migratedFrom = migratedFrom
    return value
  }

  /** Writes the value as indented JSON, durably; resolves when it is on disk. */
  async write(data: T | null): Promise<void> {
    if (data === null) throw new ProjectError(this.file, 'internal error: nothing to write')
    await this.writer.write(this.serialize(data))
  }
}

/** Reads a whole file; throws ProjectError, without opening the target, when it is a symbolic link. */
export async function readUnlinked(fs: StorageFs, file: string): Promise<Uint8Array> {
  const refuse = () =>
    new ProjectError(
      file,
      'the file is a symbolic link, and Marginalia does not follow links in a project folder: ' +
        'replace the link with the file itself',
    )
  if (constants.O_NOFOLLOW === undefined) {
    // Windows has no O_NOFOLLOW (and creating links there needs an administrator): look first.
    if ((await fs.lstat(file)).isSymbolicLink()) throw refuse()
    return readWhole(fs, file)
  }
  try {
    return await readWhole(fs, file, constants.O_RDONLY | constants.O_NOFOLLOW)
  } catch (error) {
    // Opening a link with O_NOFOLLOW fails with ELOOP (EMLINK on FreeBSD).
    if (isCode(error, 'ELOOP', 'EMLINK') && (await fs.lstat(file)).isSymbolicLink()) throw refuse()
    throw error
  }
}

/** Strict UTF-8 (one for the thread: `decode` without `stream` keeps no state between calls). */
const utf8 = new TextDecoder('utf-8', { fatal: true })

/** Parses a file's bytes as UTF-8 JSON, with an error that says where it is broken. */
export function parseJson(file: string, bytes: Uint8Array): unknown {
  if (bytes.length === 0) throw new ProjectError(file, 'the file is empty')
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    throw new ProjectError(file, 'the file is not valid UTF-8')
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1) // an editor may have added a BOM
  try {
    return JSON.parse(text)
  } catch (error) {
    // Looked for only here: JSON has no place for a raw NUL, so a file holding one never parses,
    // and the search over every file read was a sixth of the time of parsing them.
    if (text.includes('\u0000')) {
      throw new ProjectError(file, 'the file contains NUL bytes (damaged, perhaps by a crash)')
    }
    throw new ProjectError(file, `invalid JSON: ${describeJsonError(text, error)}`, {
      cause: error,
    })
  }
}

function describeJsonError(text: string, error: unknown): string {
  const message = errorText(error).replace(/\s+/g, ' ') // one line: errors are shown as one line
  const match = /position (\d+)/.exec(message)
  if (!match || /line \d+/.test(message)) return message
  const position = Number(match[1])
  const before = text.slice(0, position)
  const line = before.split('\n').length
  const column = position - before.lastIndexOf('\n')
  return `${message} (line ${line}, column ${column})`
}

/** The message of an unknown thrown value. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
