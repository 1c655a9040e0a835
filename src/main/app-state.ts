// Main's own two files in the user data folder: `settings.json` (the analyst's preferences) and
// `app-state.json` (last project, recent projects, window bounds, whether the sample was installed).
// Both go through lowdb with the storage layer's durable JSON adapter, so a crash leaves the old or
// the new file, never a torn one. A file that cannot be read is never overwritten: it is moved aside
// (kept for the user to inspect) and defaults are used, so a bad settings file cannot stop the app.
import { rename } from 'node:fs/promises'
import path from 'node:path'
import { Low } from 'lowdb'
import { z } from 'zod'
import type { Settings } from '../shared/ipc-contract'
import { ProjectError, joinProblems, zodProblems } from './core/storage/errors'
import { JsonFile, type Decoder } from './core/storage/json-file'
import { defaultAnalystName } from './core/storage/project-env'

/** How many projects the Open Recent menu keeps. */
export const RECENT_LIMIT = 10

const zWindowState = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(200).max(100_000),
  height: z.number().int().min(150).max(100_000),
  maximized: z.boolean(),
})
export type WindowState = z.infer<typeof zWindowState>

const zAppState = z.object({
  version: z.literal(1),
  sampleInstalled: z.boolean(),
  lastProject: z.string().nullable(),
  recent: z.array(z.string()),
  window: zWindowState.nullable(),
})
export type AppState = z.infer<typeof zAppState>

// Settings are read leniently (unknown keys dropped, missing keys defaulted) so that a file written
// by a newer or older version still loads.
const zSettingsFile = z.object({
  snapToWords: z.boolean().optional(),
  annotator: z.string().max(200).optional(),
  annotatorConfirmed: z.boolean().optional(),
})

/** Settings on a first start: snap to words on, the OS user name as annotator. */
export function defaultSettings(): Settings {
  return { snapToWords: true, annotator: defaultAnalystName(), annotatorConfirmed: false }
}

function defaultAppState(): AppState {
  return { version: 1, sampleInstalled: false, lastProject: null, recent: [], window: null }
}

function zodDecoder<T>(schema: z.ZodType<T>): Decoder<T> {
  return {
    decode(raw, file) {
      const parsed = schema.safeParse(raw)
      if (!parsed.success) throw new ProjectError(file, joinProblems(zodProblems(parsed.error)))
      return { value: parsed.data, migratedFrom: null }
    },
  }
}

/** Loads a JSON file into lowdb; a broken file is renamed aside and reported, defaults used. */
async function loadLow<T>(
  file: string,
  schema: z.ZodType<T>,
  defaults: T,
  problems: string[],
): Promise<Low<T>> {
  // Settings may be a link into a dotfiles folder: followed, unlike links in a project folder.
  const db = new Low<T>(new JsonFile<T>(file, zodDecoder(schema), { links: 'follow' }), defaults)
  try {
    await db.read()
  } catch (error) {
    const aside = `${file}.broken-${new Date().toISOString().replace(/[:.]/g, '-')}`
    const message = error instanceof Error ? error.message : String(error)
    try {
      await rename(file, aside)
      problems.push(`${message} (kept as ${path.basename(aside)}; defaults used)`)
    } catch {
      problems.push(`${message} (defaults used)`)
    }
    db.data = defaults
  }
  return db
}

/** The settings and app state of one user data folder, loaded and persisted together. */
export class AppFiles {
  /** Files that could not be read at load time, each message naming the file. */
  readonly problems: string[]

  private constructor(
    private readonly settingsDb: Low<Settings>,
    private readonly stateDb: Low<AppState>,
    problems: string[],
  ) {
    this.problems = problems
  }

  /** Reads `settings.json` and `app-state.json` from `userDataDir` (missing files → defaults). */
  static async load(userDataDir: string): Promise<AppFiles> {
    const problems: string[] = []
    const base = defaultSettings()
    const settingsDb = await loadLow<Settings>(
      path.join(userDataDir, 'settings.json'),
      // A settings file from before the name was asked for: a name written there was chosen.
      zSettingsFile.transform((s): Settings => ({
        ...base,
        ...s,
        annotatorConfirmed: s.annotatorConfirmed ?? s.annotator !== undefined,
      })),
      base,
      problems,
    )
    const stateDb = await loadLow(
      path.join(userDataDir, 'app-state.json'),
      zAppState,
      defaultAppState(),
      problems,
    )
    return new AppFiles(settingsDb, stateDb, problems)
  }

  get settings(): Settings {
    return { ...this.settingsDb.data }
  }

  get state(): AppState {
    const s = this.stateDb.data
    return { ...s, recent: [...s.recent] }
  }

  /** Merges a settings patch and writes it durably; returns the new settings. */
  async updateSettings(patch: Partial<Settings>): Promise<Settings> {
    const next = { ...this.settingsDb.data }
    if (patch.snapToWords !== undefined) next.snapToWords = patch.snapToWords
    if (patch.annotator !== undefined) next.annotator = patch.annotator
    if (patch.annotatorConfirmed !== undefined) next.annotatorConfirmed = patch.annotatorConfirmed
    this.settingsDb.data = next
    await this.settingsDb.write()
    return this.settings
  }

  /** Resolves when every write of either file has reached the disk (used before quitting). */
  async flush(): Promise<void> {
    for (const db of [this.settingsDb, this.stateDb] as Low[]) {
      await (db.adapter as JsonFile<unknown>).writer.flush()
    }
  }

  /** Applies a change to the app state and writes it durably. */
  async updateState(change: (state: AppState) => AppState): Promise<AppState> {
    this.stateDb.data = change(this.state)
    await this.stateDb.write()
    return this.state
  }
}

/** `recent` with `dir` moved to the front, without duplicates, at most RECENT_LIMIT long. */
export function pushRecent(recent: readonly string[], dir: string): string[] {
  return [dir, ...recent.filter((p) => p !== dir)].slice(0, RECENT_LIMIT)
}
