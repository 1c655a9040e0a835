// The one error every importer throws: it names the file and the problem, so the UI and the command
// line can show it as is and carry on with the other files.

/** A file that cannot become a document; `message` reads "<file>: <problem>". */
export class ImportError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`)
    this.name = 'ImportError'
  }
}
