// The one typed bridge between renderer and main: every channel name, the zod validator of its
// argument and the type of its result. Main registers exactly these handlers and validates each
// argument with `args`; the preload exposes one function per channel; the renderer's `window.api`
// type is derived from this table (see `Api` below), so no signature is written twice. The result
// types live in ipc-results.ts and are re-exported here, so callers import from this one module.
import { z } from 'zod'
import { MAX_FILE_BYTES, MAX_FILE_SIZE_TEXT } from './limits'
import { zAnnotationSchema, zId, zEntity, type AnnotationSchema, type Entity } from './model'
import type { ChannelName } from './channels'
import type {
  AnalystInfo,
  AnnotationImportPreview,
  AnnotationImportReport,
  AnnotationSetResult,
  ClaimsExportResult,
  ClaimsTableResult,
  EntityRemovalResult,
  ExportResult,
  FormatList,
  ImportFileOutcome,
  ImportReport,
  InitResult,
  LoadedDocument,
  MergeResult,
  OverviewResult,
  PasteResult,
  ProjectSnapshot,
  ReportExportResult,
  SavedDocument,
  SavedFile,
  Settings,
} from './ipc-results'
import { exportOptionSchemas, zSetChoice } from './export-options'
import { zAnnotationsFast } from './fast-validate'
import type { ClaimRow, SourceSummary } from './claims'
import { CHART_IDS } from './overview/types'
import type { LexiconChange } from './suggest/lexicon'
import { ANNOTATION_IMPORT_FORMATS, EXPORT_FORMATS } from './format-names'
import {
  zAgreementQuery,
  zAutoAcceptRule,
  zCurationChoice,
  type AgreementResult,
  type CompareResult,
  type CurationState,
} from './team'

export { EXPORT_FORMATS, ANNOTATION_IMPORT_FORMATS }
export type * from './ipc-results'
export const zExportFormat = z.enum(EXPORT_FORMATS)
export type ExportFormat = z.infer<typeof zExportFormat>

/** Compile-time proof that every export format has an options validator (export-options.ts). */
export const EXPORT_OPTIONS_COVER_FORMATS: Record<ExportFormat, unknown> = exportOptionSchemas

export const zAnnotationImportFormat = z.enum(ANNOTATION_IMPORT_FORMATS)
export type AnnotationImportFormat = z.infer<typeof zAnnotationImportFormat>

/** Largest PNG of a chart the renderer may hand main to save (a 4× render of a large chart). */
export const MAX_CHART_PNG_BYTES = 32 * 1024 * 1024
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

const zNetworkMode = z.enum(['claims', 'labels'])
const zTheme = z.enum(['light', 'dark'])

/** Whose claims: the analyst's own, gold, one analyst (by set id), or all with an analyst column. */
const zClaimsSets = z.union([z.enum(['mine', 'gold', 'all']), z.object({ analyst: zId }).strict()])
export type ClaimsSets = z.infer<typeof zClaimsSets>

const zNone = z.undefined().or(z.null()).or(z.object({}).strict())

const zFlushOutcome = z.union([
  z.object({ saved: z.literal(true) }).strict(),
  z
    .object({
      saved: z.literal(false),
      message: z.string().max(4000),
      unsaved: z.object({ docId: zId, annotations: zAnnotationsFast }).strict().nullable(),
    })
    .strict(),
])
const zImportFile = z.object({
  name: z.string().min(1).max(255),
  data: z
    .instanceof(Uint8Array)
    .refine((d) => d.byteLength <= MAX_FILE_BYTES, `file over ${MAX_FILE_SIZE_TEXT}`),
})

/**
 * The contract: for each channel, the validator of its single argument and the result type
 * (carried by `result`, a phantom used only for typing).
 */
export const contract = {
  'app:init': { args: zNone, result: null as unknown as InitResult },
  'app:flushed': { args: zFlushOutcome, result: null as unknown as void },
  /** The settings, including the analyst's name (whose annotation set the app works on). */
  'settings:get': { args: zNone, result: null as unknown as Settings },
  'settings:set': {
    args: z
      .object({
        snapToWords: z.boolean(),
        annotator: z.string().max(200),
        annotatorConfirmed: z.boolean(),
      })
      .partial()
      .strict(),
    result: null as unknown as Settings,
  },
  'project:new': {
    args: z.object({ name: z.string().min(1).max(200) }).strict(),
    result: null as unknown as ProjectSnapshot | null,
  },
  'project:open': { args: zNone, result: null as unknown as ProjectSnapshot | null },
  'project:open-recent': {
    args: z.object({ path: z.string().min(1).max(4096) }).strict(),
    result: null as unknown as ProjectSnapshot,
  },
  'project:close': { args: zNone, result: null as unknown as void },
  'project:snapshot': { args: zNone, result: null as unknown as ProjectSnapshot | null },
  'project:set-schema': {
    args: z.object({ schema: zAnnotationSchema }).strict(),
    result: null as unknown as ProjectSnapshot,
  },
  'project:set-entities': {
    args: z.object({ entities: z.array(zEntity) }).strict(),
    result: null as unknown as ProjectSnapshot,
  },
  /** A document with the analyst's own annotations, and the token to save changes against. */
  'document:load': {
    args: z.object({ docId: zId }).strict(),
    result: null as unknown as LoadedDocument,
  },
  /** Saves the analyst's own annotations of a document (validated fast: see fast-validate.ts). */
  'document:save': {
    args: z.object({ docId: zId, annotations: zAnnotationsFast }).strict(),
    result: null as unknown as SavedDocument,
  },
  /**
   * Saves what changed since the version `base` names (annotation-changes.ts): what autosave sends
   * after the document's load. `stale` when main no longer holds that version (then save it whole).
   */
  'document:save-changes': {
    args: z
      .object({
        docId: zId,
        base: zId,
        removed: z.array(zId).max(1_000_000),
        count: z.number().int().nonnegative(),
        annotations: zAnnotationsFast,
      })
      .strict(),
    result: null as unknown as SavedDocument | { stale: true },
  },
  /** Any annotation set of a document (an analyst id, or `gold`); null when it has none. */
  'document:load-set': {
    args: z.object({ docId: zId, set: zId }).strict(),
    result: null as unknown as AnnotationSetResult | null,
  },
  /**
   * Two annotation sets of a document (analyst ids, the working analyst's own, or `gold`) and
   * where they differ, classified by the agreement engine: the workbench's overlay.
   */
  'document:compare-sets': {
    args: z
      .object({ docId: zId, sets: z.tuple([zId, zId]) })
      .strict()
      .refine((a) => a.sets[0] !== a.sets[1], {
        error: 'compare two different sets',
        path: ['sets'],
      }),
    result: null as unknown as CompareResult,
  },
  /** The annotation sets of the project, or of one document. */
  'project:analysts': {
    args: z.object({ docId: zId.optional() }).strict().optional(),
    result: null as unknown as AnalystInfo[],
  },
  /**
   * "Add an analyst's annotations": asks for another copy of the project (a folder) or a native
   * JSONL export, and merges its analysts' annotation sets in (matching documents by text).
   */
  'annotations:merge': {
    args: z.object({ source: z.enum(['folder', 'jsonl']) }).strict(),
    result: null as unknown as MergeResult | null,
  },
  'import:dialog': { args: zNone, result: null as unknown as ImportReport | null },
  'import:data': {
    args: z.object({ files: z.array(zImportFile).min(1).max(500) }).strict(),
    result: null as unknown as ImportReport,
  },
  /**
   * An article pasted from the clipboard (HTML and/or plain text), cleaned like an HTML import.
   * With `preview`, nothing is added: the result carries the title and text the paste would give
   * (to prefill the title field); otherwise the document is added and `report` says how it went.
   */
  'import:paste': {
    args: z
      .object({
        html: z.string().max(MAX_FILE_BYTES).optional(),
        text: z.string().max(MAX_FILE_BYTES).optional(),
        title: z.string().max(1000).optional(),
        preview: z.boolean().optional(),
      })
      .strict()
      .refine((a) => (a.html ?? '') !== '' || (a.text ?? '') !== '', 'nothing was pasted'),
    result: null as unknown as PasteResult,
  },
  /**
   * Cancels the document imports running for this window (import:dialog, import:data,
   * import:paste): the worker is stopped, between files or within one, and files not yet added
   * are reported as `cancelled`. True when an import was running.
   */
  'import:cancel': { args: zNone, result: null as unknown as boolean },
  /**
   * Asks where to export, then exports in a worker thread. While it runs, `progress` events with
   * task 'export' carry a `job` id that `task:cancel` takes. Null when the user dismissed the
   * dialog or cancelled the export: nothing was written, and an earlier export is untouched.
   */
  'export:run': {
    args: z
      .object({
        format: zExportFormat,
        docIds: z.array(zId).optional(),
        options: z.record(z.string(), z.unknown()).optional(),
        /** Whose annotations: see SetChoice (default: gold when it exists, else the analyst's). */
        sets: zSetChoice.optional(),
      })
      .strict()
      .superRefine((arg, ctx) => {
        // Each format's own validator: an option the format does not take is refused by name.
        const checked = exportOptionSchemas[arg.format].safeParse(arg.options ?? {})
        for (const issue of checked.success ? [] : checked.error.issues) {
          ctx.addIssue({
            code: 'custom',
            path: ['options', ...issue.path],
            message:
              issue.code === 'unrecognized_keys'
                ? `${arg.format} does not take the option ${issue.keys.join(', ')}`
                : issue.message,
          })
        }
      }),
    result: null as unknown as ExportResult | null,
  },
  'formats:list': { args: zNone, result: null as unknown as FormatList },
  /**
   * Asks for files, then reads and parses them in a worker thread (`progress` events with task
   * 'annotation-import' and a `job` id for `task:cancel`). Null when the user dismissed the dialog
   * or cancelled.
   */
  'annotations:import-preview': {
    args: z
      .object({
        format: zAnnotationImportFormat,
        /** Pick files (and zips), or one folder; default files. */
        source: z.enum(['files', 'folder']).optional(),
      })
      .strict(),
    result: null as unknown as AnnotationImportPreview | null,
  },
  /** Adds the previewed documents (`progress` per document; `task:cancel` stops after one). */
  'annotations:import-commit': {
    args: z.object({ token: z.uuid(), unknownLabels: z.enum(['add', 'skip']) }).strict(),
    result: null as unknown as AnnotationImportReport,
  },
  'annotations:import-discard': {
    args: z.object({ token: z.uuid() }).strict(),
    result: null as unknown as void,
  },
  /**
   * Cancels a running export or import of annotations by the `job` id of its progress events.
   * False when no such job is running (it has just ended, or never was).
   */
  'task:cancel': {
    args: z.object({ job: z.uuid() }).strict(),
    result: null as unknown as boolean,
  },
  /**
   * The claims table, of the analyst's own annotations by default; `sets` chooses another
   * analyst's, the gold set, or `all` (each row then names its analyst).
   */
  'claims:table': {
    args: z.object({ docId: zId.optional(), sets: zClaimsSets.optional() }).strict().optional(),
    result: null as unknown as ClaimsTableResult,
  },
  /** Writes the claims table (with an `analyst` column when `sets` is `all`). */
  'claims:export': {
    args: z
      .object({
        format: z.enum(['csv', 'xlsx']),
        docId: zId.optional(),
        sets: zClaimsSets.optional(),
      })
      .strict(),
    result: null as unknown as ClaimsExportResult | null,
  },
  /**
   * Removes an entity from the registry; with `replaceWith`, merges it into that entity. Main
   * re-points (or unlinks) the spans of every document first, so apply the same change to the open
   * document (`repointEntity` in shared/registry) before saving it again.
   */
  'entities:remove': {
    /** `dryRun`: count what would change (for a confirmation) and write nothing. */
    args: z
      .object({ entityId: zId, replaceWith: zId.optional(), dryRun: z.boolean().optional() })
      .strict(),
    result: null as unknown as EntityRemovalResult,
  },
  /** Agreement between the project's analysts (docs/AGREEMENT.md); runs in main. */
  'agreement:compute': {
    args: zAgreementQuery.optional(),
    result: null as unknown as AgreementResult,
  },
  /** Asks where, then writes the agreement report as CSV (two files) or XLSX. */
  'agreement:export': {
    args: z.object({ format: z.enum(['csv', 'xlsx']), query: zAgreementQuery.optional() }).strict(),
    result: null as unknown as { paths: string[]; disagreements: number } | null,
  },
  /** A document's curation: disagreements, decisions so far, the gold set. */
  'curation:state': {
    args: z.object({ docId: zId }).strict(),
    result: null as unknown as CurationState,
  },
  /**
   * Starts a document's gold set (when it has none) from what all analysts agree on, and with
   * rule `majority` also each version a strict majority of them gave.
   */
  'curation:start': {
    args: z.object({ docId: zId, rule: zAutoAcceptRule.optional() }).strict(),
    result: null as unknown as CurationState,
  },
  /** Settles one disagreement into the gold set. */
  'curation:decide': {
    args: z
      .object({ docId: zId, disagreementId: z.string().min(1).max(400), choice: zCurationChoice })
      .strict(),
    result: null as unknown as CurationState,
  },
  /** The Overview's charts and source network for the project (no docId) or one document. */
  'overview:data': {
    args: z
      .object({ docId: zId.optional(), networkMode: zNetworkMode.optional() })
      .strict()
      .optional(),
    result: null as unknown as OverviewResult,
  },
  /**
   * Saves a chart (SVG drawn by main from the same data; PNG as the renderer drew it, checked to
   * be a PNG) or the source network (SVG, GraphML, or CSV node and edge lists in a folder), after
   * a save dialog. Null when the dialog is cancelled.
   */
  'overview:export': {
    // A plain union: zod's discriminated union wants one discriminator value per branch.
    args: z.union([
      z
        .object({
          kind: z.literal('chart'),
          chart: z.enum(CHART_IDS),
          docId: zId.optional(),
          theme: zTheme,
          format: z.literal('svg'),
        })
        .strict(),
      z
        .object({
          kind: z.literal('chart'),
          chart: z.enum([...CHART_IDS, 'network']),
          docId: zId.optional(),
          format: z.literal('png'),
          png: z
            .instanceof(Uint8Array)
            .refine((d) => d.byteLength <= MAX_CHART_PNG_BYTES, 'the PNG is too large')
            .refine((d) => PNG_SIGNATURE.every((b, i) => d[i] === b), 'not a PNG image'),
        })
        .strict(),
      z
        .object({
          kind: z.literal('network'),
          docId: zId.optional(),
          mode: zNetworkMode,
          theme: zTheme,
          format: z.enum(['svg', 'graphml', 'csv']),
        })
        .strict(),
    ]),
    result: null as unknown as SavedFile | null,
  },
  /** Writes the analyst report (HTML, or PDF printed by Chromium) after a save dialog. */
  'report:export': {
    args: z
      .object({
        docId: zId.optional(),
        format: z.enum(['html', 'pdf']),
        paper: z.enum(['a4', 'letter']).optional(),
      })
      .strict(),
    result: null as unknown as ReportExportResult | null,
  },
  /**
   * Analysts' decisions on cue suggestions (the cue's lexicon phrase, accepted or rejected), added
   * to the schema's `suggestions.feedback` counts; a cue rejected often enough is switched off
   * (tuneLexicon). Written through the schema change like any schema edit.
   */
  'suggestions:feedback': {
    args: z
      .object({
        decisions: z
          .array(z.object({ phrase: z.string().min(1).max(100), accepted: z.boolean() }).strict())
          .min(1)
          .max(1000),
      })
      .strict(),
    result: null as unknown as { snapshot: ProjectSnapshot; changes: LexiconChange[] },
  },
  'shell:open-external': {
    args: z.object({ url: z.url().max(4096) }).strict(),
    result: null as unknown as boolean,
  },
} as const

export type Channel = keyof typeof contract
export const CHANNELS = Object.keys(contract) as Channel[]

/** Compile-time proof that `channels.ts` (the zod-free list the preload uses) names exactly these. */
export const CHANNEL_NAMES_MATCH_CONTRACT: [Channel] extends [ChannelName]
  ? [ChannelName] extends [Channel]
    ? true
    : never
  : never = true
export type ArgsOf<C extends Channel> = z.input<(typeof contract)[C]['args']>
export type ResultOf<C extends Channel> = (typeof contract)[C]['result']

/** Commands main sends to the renderer (menu items, quit flush), on one event channel. */
export { EVENT_CHANNEL } from './channels'
export type MainEvent =
  | { type: 'menu'; command: MenuCommand }
  | { type: 'flush-request' }
  | {
      type: 'progress'
      /** What is running: 'export', 'annotation-import', 'import', … */
      task: string
      /** The job's id, for `task:cancel` (tasks that can be cancelled). */
      job?: string
      done: number
      total: number
      /** The file being worked on (imports), when there is one. */
      file?: string
      /** Within that file, when it reports them: pages of a PDF read. */
      part?: { done: number; total: number }
    }
  /** A document import started: the files it reads, in order (the indexes of `import-file`). */
  | { type: 'import-start'; files: string[] }
  /** One file of the running document import ended. */
  | { type: 'import-file'; index: number; file: string; outcome: ImportFileOutcome }
  | { type: 'project-changed'; snapshot: ProjectSnapshot | null }

export type MenuCommand =
  | 'import'
  /** File ▸ Paste Article…: opens the Paste dialog. */
  | 'paste-article'
  | 'export-jsonl'
  | 'export-csv'
  /** File ▸ Export Dataset ▸ <format>: opens the Export dialog on that format. */
  | `export-${ExportFormat}`
  | 'export-dataset'
  | 'import-annotations'
  | 'undo'
  | 'redo'
  | 'new-project'
  | 'open-project'
  | 'close-project'
  | 'toggle-snap'
  /** File ▸ Export Report…: opens the report dialog (not `export-…`: those name dataset formats). */
  | 'analyst-report'

/** The API the preload exposes as `window.api`: one method per channel, plus event subscription. */
export type Api = {
  [C in Channel]: (args?: ArgsOf<C>) => Promise<ResultOf<C>>
} & {
  /** Subscribes to events from main; returns an unsubscribe function. */
  onEvent(listener: (event: MainEvent) => void): () => void
}

/** A handler table that main registers and the end-to-end harness binds: one per channel. */
export type Handlers = {
  [C in Channel]: (args: z.output<(typeof contract)[C]['args']>) => Promise<ResultOf<C>>
}

export type { AnnotationSchema, ClaimRow, Entity, SourceSummary }
