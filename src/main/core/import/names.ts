// File-name helpers that accept both / and \ separators, since names may come from any platform.

/** The last path component of a file name. */
export function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName
}

/** The base name without its extension. */
export function stem(fileName: string): string {
  const base = baseName(fileName)
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(0, dot) : base
}

/** The lower-case extension with its dot ('' when there is none). */
export function extensionOf(fileName: string): string {
  const base = baseName(fileName)
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(dot).toLowerCase() : ''
}
