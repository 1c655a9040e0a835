// The clock and the id source of a store: replaced only to build reproducible files (the sample
// project) and in tests.
import os from 'node:os'
import { newId } from '../../../shared/ids'

export interface StoreEnv {
  now(): Date
  newId(prefix: string): string
}

export const defaultEnv: StoreEnv = { now: () => new Date(), newId }

/** The analyst's name when none is given: the OS user name ("analyst" where there is none). */
export function defaultAnalystName(): string {
  try {
    return os.userInfo().username.slice(0, 200) || 'analyst'
  } catch {
    // userInfo throws when the user has no passwd entry (some containers).
    return 'analyst'
  }
}
