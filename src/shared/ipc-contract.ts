// The one typed bridge between renderer and main: every channel name, the zod validator of its
// argument and the type of its result. Main registers exactly these handlers and validates each
// argument with `args`; the preload exposes one function per channel; the renderer's `window.api`
// type is derived from this table (see `Api` below), so no signature is written twice.
import { z } from 'zod'
import {
  zAnnotations,
  zAnnotationSchema,
  zId,
  zEntity,
  type AnnotationSchema,
  type DocumentFile,
  type Entity,
  type ProjectFile,
} from './model'
import type { ChannelName } from './channels'

/** Export format names, shared by the UI, the CLI and the export registry. */
export const EXPORT_FORMATS = [
  'jsonl',
  'csv',
  'xlsx',
  'doccano',
  'label-studio',
  'brat',
  'w3c',
  'conll',
  'spacy',
  'qdpx',
] as const
export const zExportFormat = z.enum(EXPORT_FORMATS)
export type ExportFormat = z.infer<typeof zExportFormat>

/** A file that could not be read, and why (named so the user can find and fix it). */
export interface FileProblem {
  file: string
  message: string
}

/** A document as listed in the sidebar. */
export interface DocumentSummary {
  id: string
  title: string
  spanCount: number
  relationCount: number
  /** Set when the document's file could not be loaded. */
  error?: string
}

/** What the renderer knows of the open project. */
export interface ProjectSnapshot {
  path: string
  project: ProjectFile
  documents: DocumentSummary[]
  problems: FileProblem[]
}

export interface ImportReport {
  snapshot: ProjectSnapshot
  added: { id: string; title: string; file: string }[]
  duplicates: { file: string; existingId: string; existingTitle: string }[]
  errors: FileProblem[]
}

/** What an export wrote and what the format could not hold. */
export interface ExportManifest {
  format: string
  formatVersion: string
  offsetUnit: 'utf16' | 'codepoint'
  createdAt: string
  counts: { documents: number; spans: number; relations: number }
  losses: { what: string; count: number; reason: string }[]
  problems: FileProblem[]
}

export interface ExportResult {
  path: string
  manifest: ExportManifest
}

export interface Settings {
  snapToWords: boolean
  annotator: string
}

export interface InitResult {
  snapshot: ProjectSnapshot | null
  /** Why the last or sample project could not be opened, when it could not. */
  error: string | null
  settings: Settings
  recent: string[]
}

const zNone = z.undefined().or(z.null()).or(z.object({}).strict())
const zImportFile = z.object({
  name: z.string().min(1).max(255),
  data: z.instanceof(Uint8Array).refine((d) => d.byteLength <= 50 * 1024 * 1024, 'file over 50 MB'),
})

/**
 * The contract: for each channel, the validator of its single argument and the result type
 * (carried by `result`, a phantom used only for typing).
 */
export const contract = {
  'app:init': { args: zNone, result: null as unknown as InitResult },
  'app:flushed': { args: zNone, result: null as unknown as void },
  'settings:set': {
    args: z
      .object({ snapToWords: z.boolean(), annotator: z.string().max(200) })
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
  'document:load': {
    args: z.object({ docId: zId }).strict(),
    result: null as unknown as DocumentFile,
  },
  'document:save': {
    args: z.object({ docId: zId, annotations: zAnnotations }).strict(),
    result: null as unknown as { savedAt: string; summary: DocumentSummary },
  },
  'import:dialog': { args: zNone, result: null as unknown as ImportReport | null },
  'import:data': {
    args: z.object({ files: z.array(zImportFile).min(1).max(500) }).strict(),
    result: null as unknown as ImportReport,
  },
  'export:run': {
    args: z.object({ format: zExportFormat, docIds: z.array(zId).optional() }).strict(),
    result: null as unknown as ExportResult | null,
  },
  'shell:open-external': {
    args: z.object({ url: z.string().url().max(4096) }).strict(),
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
  | { type: 'progress'; task: string; done: number; total: number }
  | { type: 'project-changed'; snapshot: ProjectSnapshot | null }

export type MenuCommand =
  | 'import'
  | 'export-jsonl'
  | 'export-csv'
  | 'undo'
  | 'redo'
  | 'new-project'
  | 'open-project'
  | 'close-project'
  | 'toggle-snap'

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

export type { AnnotationSchema, Entity }
