// The suggestions part of the article toolbar: the "Suggestions" switch with the count of open
// suggestions, previous/next buttons, and a menu of the kinds shown (each with its count).
import { useId } from 'react'
import type { SuggestionKind } from '../../../shared/suggest'
import { SUGGESTION_KINDS } from '../../../shared/suggest'
import { KIND_NAMES } from './kinds'
import type { Suggestions } from './use-suggestions'
import { useStoreValue } from '../common/value-store'
import './suggestions.css'

interface SuggestionControlsProps {
  suggestions: Suggestions
}

/** The toolbar's suggestion controls. */
export function SuggestionControls({ suggestions }: SuggestionControlsProps) {
  const info = useStoreValue(suggestions.info)
  const countId = useId()
  const count = info.error
    ? 'unavailable'
    : info.computing && info.open === 0
      ? '…'
      : String(info.open)
  return (
    <div className="suggestion-controls" role="group" aria-label="Suggestions">
      <label
        className="toggle"
        title="Outline what the suggestion engine proposes: N and Shift+N step, Enter accepts, X rejects, Shift+Enter accepts all of a kind"
      >
        <input
          type="checkbox"
          role="switch"
          checked={info.shown}
          aria-describedby={countId}
          onChange={(e) => suggestions.setShown(e.target.checked)}
        />
        Suggestions
      </label>
      <span
        id={countId}
        className="suggestion-count"
        role="status"
        aria-label={
          info.error
            ? `Suggestions unavailable: ${info.error}`
            : `${info.open} open suggestion${info.open === 1 ? '' : 's'}${info.computing ? ', computing' : ''}`
        }
        title={info.error ?? undefined}
      >
        {count}
      </span>
      {info.shown && (
        <>
          <button
            type="button"
            className="button small icon"
            aria-label="Previous suggestion (Shift+N)"
            title="Previous suggestion (Shift+N)"
            disabled={info.open === 0}
            onClick={() => suggestions.step(-1)}
          >
            ‹
          </button>
          <button
            type="button"
            className="button small icon"
            aria-label="Next suggestion (N)"
            title="Next suggestion (N)"
            disabled={info.open === 0}
            onClick={() => suggestions.step(1)}
          >
            ›
          </button>
          <KindsMenu suggestions={suggestions} />
        </>
      )}
    </div>
  )
}

function KindsMenu({ suggestions }: SuggestionControlsProps) {
  const info = useStoreValue(suggestions.info)
  const toggle = (kind: SuggestionKind, on: boolean) =>
    suggestions.setKinds(SUGGESTION_KINDS.filter((k) => (k === kind ? on : info.kinds.includes(k))))
  return (
    <details className="suggestion-kinds">
      <summary className="button small">Kinds</summary>
      <fieldset className="suggestion-kinds-menu">
        <legend>Suggest</legend>
        {SUGGESTION_KINDS.map((kind) => (
          <label key={kind} className="toggle">
            <input
              type="checkbox"
              checked={info.kinds.includes(kind)}
              onChange={(e) => toggle(kind, e.target.checked)}
            />
            <span className="suggestion-kind-name">{capitalise(KIND_NAMES[kind].many)}</span>
            <span className="suggestion-kind-count">{info.counts[kind]}</span>
          </label>
        ))}
      </fieldset>
    </details>
  )
}

function capitalise(s: string): string {
  return s[0].toUpperCase() + s.slice(1)
}
