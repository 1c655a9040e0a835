// The analyst's suggestion preferences on this machine (the toolbar's switch and the kinds shown),
// kept in localStorage like the pane sizes: a view setting, not part of the project.
import type { SuggestionKind } from '../../../shared/suggest'
import { SUGGESTION_KINDS } from '../../../shared/suggest'

export interface SuggestionPreferences {
  shown: boolean
  kinds: SuggestionKind[]
}

const KEY = 'marginalia-suggestions'

/** Off at first; every kind but bare names (the noisiest: precision ~0.5) once switched on. */
export const DEFAULT_PREFERENCES: SuggestionPreferences = {
  shown: false,
  kinds: SUGGESTION_KINDS.filter((k) => k !== 'name'),
}

export function loadPreferences(): SuggestionPreferences {
  try {
    const raw = JSON.parse(window.localStorage.getItem(KEY) ?? 'null') as unknown
    if (!raw || typeof raw !== 'object') return DEFAULT_PREFERENCES
    const { shown, kinds } = raw as Partial<SuggestionPreferences>
    return {
      shown: typeof shown === 'boolean' ? shown : DEFAULT_PREFERENCES.shown,
      kinds: Array.isArray(kinds)
        ? SUGGESTION_KINDS.filter((k) => kinds.includes(k))
        : DEFAULT_PREFERENCES.kinds,
    }
  } catch {
    return DEFAULT_PREFERENCES
  }
}

export function savePreferences(prefs: SuggestionPreferences): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(prefs))
  } catch {
    // Unavailable storage: the preferences last for this session.
  }
}
