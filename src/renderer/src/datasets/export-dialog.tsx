// The Export dialog: choose a format (the list and its labels come from main's registry), the scope
// (whole project or the open document) and the format's options, then main asks where to save.
// While it runs the dialog shows main's progress events and Cancel stops it (`task:cancel` with the
// job id of those events; nothing is written, an earlier export stays as it was); at the end it
// shows the manifest — what was written, in which offset unit, and what the format could not
// hold — or the error.
import { useId, useLayoutEffect, useRef, useState } from 'react'
import type {
  Api,
  ExportFormat,
  ExportFormatInfo,
  ExportResult,
} from '../../../shared/ipc-contract'
import type { ExportFormatOptions } from '../../../shared/export-options'
import { useMainEvents } from '../common/use-main-events'
import { messageOf } from '../common/error-message'
import { FormatField } from './format-field'
import { RadioGroup } from '../common/radio-group'
import { ManifestView, offsetUnitText } from './manifest-view'
import { Modal } from '../common/modal'
import { ProgressBar } from '../common/progress-bar'
import { plural } from '../common/plural'
import './datasets.css'

interface ExportDialogProps {
  api: Api
  formats: ExportFormatInfo[]
  initialFormat: ExportFormat | null
  /** The schema's layers, for CoNLL's one-layer option. */
  layers: { id: string; name: string }[]
  documentCount: number
  currentDocument: { id: string; title: string } | null
  /** Writes pending edits; false when that failed (the export would miss them). */
  flush: () => Promise<boolean>
  onClose: () => void
}

type Phase =
  | { kind: 'choose'; error?: string; notice?: string }
  /** `job`: the id main's progress events carry, once the export has started (for Cancel). */
  | { kind: 'running'; done: number; total: number; job?: string; cancelling?: boolean }
  | { kind: 'done'; result: ExportResult }

/** The chosen options of the formats that take them. */
export interface OptionChoice {
  zip: boolean
  layer: string
  escapeFormulas: boolean
  offsetUnit: 'utf16' | 'codepoint'
}

/** The chosen options, as the format's validator in main expects them (only what it takes). */
export function exportOptions(info: ExportFormatInfo, choice: OptionChoice): ExportFormatOptions {
  const options: ExportFormatOptions = {}
  if (info.options.includes('zip')) options.zip = choice.zip
  if (info.options.includes('layer') && choice.layer) options.layer = choice.layer
  if (info.options.includes('escapeFormulas')) options.escapeFormulas = choice.escapeFormulas
  if (info.options.includes('offsetUnit')) options.offsetUnit = choice.offsetUnit
  return options
}

/** The offset unit an export of `info` with these choices writes. */
export function chosenOffsetUnit(info: ExportFormatInfo, choice: OptionChoice) {
  return info.options.includes('offsetUnit') ? choice.offsetUnit : info.offsetUnit
}

/** What a folder export of `info` holds: the format's own words, else 'files'. */
function folderText(info: ExportFormatInfo): string {
  return info.folderContents ?? 'files'
}

/** What an export of `info` with these options writes, and where its manifest goes. */
export function outputText(info: ExportFormatInfo, zip: boolean): string {
  if (info.options.includes('zip') && zip) {
    return `one .zip file holding ${folderText(info)}, with its manifest beside it (<file>.manifest.json)`
  }
  if (info.extension) {
    return `one ${info.extension} file, with its manifest beside it (<file>.manifest.json)`
  }
  return `a folder holding ${folderText(info)}, with manifest.json inside it`
}

/** The running export: its phase, with main's progress events, and `run` to start one. */
function useExportRun(api: Api, flush: () => Promise<boolean>) {
  const [phase, setPhase] = useState<Phase>({ kind: 'choose' })

  useMainEvents(api, (event) => {
    if (event.type !== 'progress' || event.task !== 'export') return
    setPhase((p) =>
      p.kind === 'running'
        ? { ...p, done: event.done, total: event.total, job: event.job ?? p.job }
        : p,
    )
  })

  const cancel = (job: string) => {
    setPhase((p) => (p.kind === 'running' ? { ...p, cancelling: true } : p))
    api['task:cancel']({ job }).catch((error: unknown) => {
      setPhase((p) => (p.kind === 'running' ? { ...p, cancelling: false } : p))
      console.error('Cancel failed:', error)
    })
  }

  const run = async (
    format: ExportFormat,
    docIds: string[] | undefined,
    options: ExportFormatOptions,
  ) => {
    setPhase({ kind: 'running', done: 0, total: 0 })
    try {
      if (!(await flush())) {
        throw new Error('the open document could not be saved, so the export would miss edits')
      }
      const result = await api['export:run']({ format, docIds, options })
      // Null: the user dismissed the save dialog, or cancelled the export while it ran.
      setPhase((p) => {
        if (result) return { kind: 'done', result }
        const cancelled = p.kind === 'running' && p.cancelling
        const notice = 'Export cancelled: nothing was written, and an earlier export is as it was.'
        return cancelled ? { kind: 'choose', notice } : { kind: 'choose' }
      })
    } catch (error) {
      setPhase({ kind: 'choose', error: `Export failed: ${messageOf(error)}` })
    }
  }

  return { phase, run, cancel, again: () => setPhase({ kind: 'choose' }) }
}

/** The format, scope and options chosen in the form. */
function useExportChoices(formats: ExportFormatInfo[], initialFormat: ExportFormat | null) {
  const [format, setFormat] = useState<ExportFormat>(initialFormat ?? formats[0]?.name ?? 'jsonl')
  const [scope, setScope] = useState<'project' | 'document'>('project')
  const [choice, setChoice] = useState<OptionChoice>({
    zip: false,
    layer: '',
    escapeFormulas: true,
    offsetUnit: 'utf16',
  })
  const info = formats.find((f) => f.name === format) ?? formats[0]
  return { format, setFormat, scope, setScope, choice, setChoice, info }
}

/** The Export dialog (a modal); `initialFormat` preselects a format (File ▸ Export Dataset ▸ …). */
export function ExportDialog(props: ExportDialogProps) {
  const { currentDocument } = props
  const id = useId()
  const choices = useExportChoices(props.formats, props.initialFormat)
  const { format, scope, choice, info } = choices
  const { phase, run, cancel, again } = useExportRun(props.api, props.flush)

  const start = () => {
    if (!info) return
    const docIds = scope === 'document' && currentDocument ? [currentDocument.id] : undefined
    // run() never rejects: a failure returns to the form with its message.
    void run(format, docIds, exportOptions(info, choice))
  }

  // The same Modal from the form to the result (a function call, not a component of its own, so
  // React keeps the one dialog): swapping a closed dialog for a newly opened one at the end of an
  // export (close, showModal, focus) restyled the whole page in one long task.
  if (phase.kind === 'done') return finishedDialog(phase.result, again, props.onClose)

  const running = phase.kind === 'running'
  const job = running ? phase.job : undefined
  return (
    <Modal
      title="Export dataset"
      onClose={() => !running && props.onClose()}
      actions={
        <>
          {running ? (
            <button
              type="button"
              className="button"
              onClick={() => job && cancel(job)}
              disabled={!job || phase.cancelling}
            >
              {phase.cancelling ? 'Cancelling…' : 'Cancel export'}
            </button>
          ) : (
            <button type="button" className="button" onClick={props.onClose}>
              Cancel
            </button>
          )}
          <button
            type="submit"
            form={`${id}-form`}
            className="button primary"
            disabled={running || !info}
          >
            Export…
          </button>
        </>
      }
    >
      <form
        id={`${id}-form`}
        className="dataset-form"
        onSubmit={(e) => {
          e.preventDefault()
          start()
        }}
      >
        <ExportFields {...props} id={id} choices={choices} disabled={running} />
      </form>
      {running && <ProgressBar task="Exporting" done={phase.done} total={phase.total} />}
      {phase.kind === 'choose' && phase.error && (
        <p className="field-error" role="alert">
          {phase.error}
        </p>
      )}
      {phase.kind === 'choose' && phase.notice && (
        <p className="muted" role="status">
          {phase.notice}
        </p>
      )}
    </Modal>
  )
}

/** The dialog's content once the export is done (see ExportDialog). */
function finishedDialog(result: ExportResult, again: () => void, onClose: () => void) {
  return (
    <Modal
      title="Export finished"
      onClose={onClose}
      actions={<FinishedActions again={again} onClose={onClose} />}
    >
      <ManifestView result={result} />
    </Modal>
  )
}

/** The finished dialog's buttons; Close takes focus when they appear. */
function FinishedActions(props: { again: () => void; onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null)
  useLayoutEffect(() => close.current?.focus(), [])
  return (
    <>
      <button type="button" className="button" onClick={props.again}>
        Export another…
      </button>
      <button ref={close} type="button" className="button primary" onClick={props.onClose}>
        Close
      </button>
    </>
  )
}

/** The form's fields: the format, the scope and the format's options. */
function ExportFields(
  props: ExportDialogProps & {
    id: string
    choices: ReturnType<typeof useExportChoices>
    disabled: boolean
  },
) {
  const { id, choices, disabled } = props
  const { info } = choices
  return (
    <>
      <FormatField
        id={id}
        formats={props.formats}
        value={choices.format}
        disabled={disabled}
        onChange={choices.setFormat}
        hint={
          info && (
            <>
              Writes {outputText(info, choices.choice.zip)}. Offsets in{' '}
              {offsetUnitText(chosenOffsetUnit(info, choices.choice))}.
            </>
          )
        }
      />
      <ScopeField
        id={id}
        scope={choices.scope}
        onScope={choices.setScope}
        disabled={disabled}
        documentCount={props.documentCount}
        currentDocument={props.currentDocument}
      />
      {info && (
        <FormatOptions
          id={id}
          info={info}
          choice={choices.choice}
          onChoice={choices.setChoice}
          disabled={disabled}
          layers={props.layers}
        />
      )}
    </>
  )
}

/** The scope: the whole project, or the open document. */
function ScopeField(props: {
  id: string
  scope: 'project' | 'document'
  onScope: (scope: 'project' | 'document') => void
  disabled: boolean
  documentCount: number
  currentDocument: { id: string; title: string } | null
}) {
  const { currentDocument } = props
  return (
    <RadioGroup
      legend="Scope"
      name={`${props.id}-scope`}
      value={props.scope}
      onChange={props.onScope}
      disabled={props.disabled}
      options={[
        {
          value: 'project',
          label: `Whole project (${plural(props.documentCount, 'document')})`,
        },
        {
          value: 'document',
          disabled: !currentDocument,
          labelClassName: 'ellipsis',
          label: (
            <>
              Current document
              <span className="muted">
                {currentDocument ? `: ${currentDocument.title || 'Untitled'}` : ' (none open)'}
              </span>
            </>
          ),
        },
      ]}
    />
  )
}

/** The options `info`'s format takes: zip or folder, offset unit, one layer, formula escaping. */
function FormatOptions(props: {
  id: string
  info: ExportFormatInfo
  choice: OptionChoice
  onChoice: (choice: OptionChoice) => void
  disabled: boolean
  layers: { id: string; name: string }[]
}) {
  const { id, info, choice, disabled } = props
  const set = (patch: Partial<OptionChoice>) => props.onChoice({ ...choice, ...patch })
  return (
    <>
      {info.options.includes('zip') && (
        <RadioGroup
          legend="Output"
          name={`${id}-zip`}
          value={choice.zip ? 'zip' : 'folder'}
          onChange={(v) => set({ zip: v === 'zip' })}
          disabled={disabled}
          options={[
            { value: 'folder', label: `A folder of ${folderText(info)}` },
            { value: 'zip', label: 'One .zip file holding the same' },
          ]}
        />
      )}
      {info.options.includes('offsetUnit') && (
        <RadioGroup
          legend="Offsets"
          name={`${id}-offset-unit`}
          value={choice.offsetUnit}
          onChange={(v) => set({ offsetUnit: v })}
          disabled={disabled}
          options={[
            { value: 'utf16', label: offsetUnitText('utf16') },
            { value: 'codepoint', label: offsetUnitText('codepoint') },
          ]}
        />
      )}
      {info.options.includes('layer') && (
        <div className="field">
          <label htmlFor={`${id}-layer`}>Layer</label>
          <select
            id={`${id}-layer`}
            className="input"
            value={choice.layer}
            disabled={disabled}
            onChange={(e) => set({ layer: e.target.value })}
          >
            <option value="">All layers, one file each</option>
            {props.layers.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name} only
              </option>
            ))}
          </select>
          <span className="hint">BIO tags hold one layer at a time; overlaps are reported.</span>
        </div>
      )}
      {info.options.includes('escapeFormulas') && (
        <label className="field checkbox-field">
          <input
            type="checkbox"
            checked={choice.escapeFormulas}
            disabled={disabled}
            onChange={(e) => set({ escapeFormulas: e.target.checked })}
          />
          <span>
            Protect spreadsheets from formulas (prefix cells starting with = + - @ with ')
          </span>
        </label>
      )}
    </>
  )
}
