// The test every hand-written reader of parsed JSON starts with.

/** Whether `v` is an object with fields (not null, not an array). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
