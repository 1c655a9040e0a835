// Benchmark (not a test): the XLSX export's own SpreadsheetML writer against exceljs's streaming
// WorkbookWriter, on the same rows: the span table of bench:export's project (run that first; it
// builds the project), one sheet per layer, rows in document order. Each writer runs in a process
// of its own; then openpyxl reads both files, reporting any warning, and the cells are compared.
// exceljs is not a dependency of Marginalia: install it where this script can import it, e.g.
// `npm install --no-save exceljs@4`, or point EXCELJS at its folder. Run: `npx tsx
// scripts/bench-xlsx.ts`.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { exportProject } from '../src/main/core/export'
import { exportSource, loadDocuments } from '../src/main/core/export-source'
import { CheckedDocument } from '../src/main/core/formats/checked'
import { ManifestBuilder } from '../src/main/core/formats/export-common'
import { SpanTable } from '../src/main/core/formats/span-table'
import { ProjectStore } from '../src/main/core/storage'
import { FORMAT_VERSION } from '../src/shared/model'

const PROJECT = path.join(os.tmpdir(), `marginalia-bench-export-v${FORMAT_VERSION}-1000`)

/** exceljs's streaming writer, as much of its API as this script uses. */
interface ExcelJs {
  stream: {
    xlsx: {
      WorkbookWriter: new (options: object) => {
        addWorksheet(
          name: string,
          options?: object,
        ): {
          addRow(values: unknown[]): { font?: object; commit(): void }
          commit(): Promise<void>
        }
        commit(): Promise<void>
      }
    }
  }
}

async function writeWithExceljs(store: ProjectStore, out: string, onRow: () => void) {
  const specifier = process.env.EXCELJS ?? 'exceljs'
  const imported = (await import(specifier)) as { default?: ExcelJs } & ExcelJs
  const ExcelJS = imported.default ?? imported
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: out,
    useStyles: true,
    useSharedStrings: false,
  })
  const context = { project: store.project }
  const table = new SpanTable(context, new ManifestBuilder('xlsx', '1', 'codepoint'))
  const sheets = new Map<string, ReturnType<typeof workbook.addWorksheet>>()
  for (const layer of store.project.schema.layers) {
    const sheet = workbook.addWorksheet(layer.name, { views: [{ state: 'frozen', ySplit: 1 }] })
    const header = sheet.addRow(table.header)
    header.font = { bold: true }
    header.commit()
    sheets.set(layer.id, sheet)
  }
  for await (const loaded of loadDocuments(exportSource(store))) {
    for (const record of loaded.records) {
      for (const row of table.rows(CheckedDocument.check(record, []))) {
        sheets.get(row.layer)!.addRow(row.cells).commit()
      }
    }
    onRow()
  }
  for (const sheet of sheets.values()) await sheet.commit()
  await workbook.commit()
}

/** Writes `out` with `writer`, measured; prints one JSON line. */
async function child(writer: string, out: string) {
  const store = await ProjectStore.open(PROJECT, { lock: false })
  ;(globalThis as { gc?: () => void }).gc?.()
  const base = process.memoryUsage().heapUsed
  let peak = base
  const sample = () => (peak = Math.max(peak, process.memoryUsage().heapUsed))
  const timer = setInterval(sample, 5)
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  if (writer === 'marginalia') await exportProject(store, 'xlsx', out, { onProgress: sample })
  else await writeWithExceljs(store, out, sample)
  const ms = performance.now() - t0
  sample()
  clearInterval(timer)
  const cpu = process.cpuUsage(cpu0)
  await store.close()
  console.log(
    JSON.stringify({
      writer,
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      heapMb: (peak - base) / 2 ** 20,
      rssMb: process.resourceUsage().maxRSS / 1024,
      sizeMb: (await stat(out)).size / 2 ** 20,
    }),
  )
}

const READ = `
import sys, warnings, json, openpyxl
out = {}
for f in sys.argv[1:]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        book = openpyxl.load_workbook(f, read_only=True)
        sheets = {ws.title: [['' if v is None else v for v in row] for row in ws.iter_rows(values_only=True)] for ws in book.worksheets}
    out[f] = {'warnings': [str(w.message) for w in caught], 'sheets': sheets}
a, b = sys.argv[1:]
def strip(rows):
    return [list(r[:len(r) - next((i for i, v in enumerate(reversed(r)) if v != ''), len(r))]) for r in rows]
same = {t: strip(out[a]['sheets'][t]) == strip(out[b]['sheets'].get(t, [])) for t in out[a]['sheets']}
print(json.dumps({'warnings': {f: out[f]['warnings'] for f in out}, 'rows': {t: len(r) for t, r in out[a]['sheets'].items()}, 'same': same}))
`

async function main() {
  const args = process.argv.slice(2)
  if (args[0] === '--child') return child(args[1], args[2])
  const dir = await mkdtemp(path.join(os.tmpdir(), 'marginalia-bench-xlsx-'))
  try {
    const script = fileURLToPath(import.meta.url)
    const files: Record<string, string> = {}
    for (const writer of ['marginalia', 'exceljs']) {
      files[writer] = path.join(dir, `${writer}.xlsx`)
      const run = spawnSync(
        process.execPath,
        ['--expose-gc', '--import', 'tsx', script, '--child', writer, files[writer]],
        { encoding: 'utf8' },
      )
      const line = run.stdout.trim().split('\n').at(-1) ?? ''
      if (run.status !== 0) console.log(`${writer}: failed\n${run.stderr.slice(-2000)}`)
      else {
        const m = JSON.parse(line) as Record<string, number | string>
        const n = (k: string, d = 0) => (m[k] as number).toFixed(d)
        console.log(
          `${writer.padEnd(10)} ${n('ms').padStart(6)} ms  CPU ${n('cpuMs').padStart(6)} ms  ` +
            `heap +${n('heapMb')} MB  peak RSS ${n('rssMb')} MB  ${n('sizeMb', 1)} MB`,
        )
      }
    }
    const read = execFileSync('/usr/bin/python3', ['-c', READ, files.marginalia, files.exceljs], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    })
    console.log(`openpyxl: ${read.trim()}`)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

await main()
