// Offset units. Internally offsets are JS string indices (UTF-16 code units); formats read by
// Python tools count Unicode code points. This converts between the two for a given text.

import { partitionPoint } from './partition-point'

/** The unit an export's offsets count in. */
export type OffsetUnit = 'utf16' | 'codepoint'

/**
 * Converts UTF-16 offsets of one text to code-point offsets. Build it once per text; each lookup
 * is O(log n) over the astral characters of the text.
 */
export class OffsetConverter {
  /** UTF-16 index of the high surrogate of each astral character, ascending. */
  private readonly astral: number[] = []

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1)
        if (d >= 0xdc00 && d <= 0xdfff) {
          this.astral.push(i)
          i++
        }
      }
    }
  }

  /** Code-point offset of a UTF-16 offset (which must not fall inside a surrogate pair). */
  toCodePoint(utf16: number): number {
    return utf16 - this.countAstralBefore(utf16)
  }

  /** UTF-16 offset of a code-point offset. */
  toUtf16(codePoint: number): number {
    // Find the smallest utf16 u with u - astralBefore(u) === codePoint by walking the astral list.
    // the number of astral chars whose code-point index is < codePoint
    const astral = this.astral
    return codePoint + partitionPoint(astral.length, (i) => astral[i] - i < codePoint)
  }

  /** Converts a UTF-16 offset to the given unit. */
  to(unit: OffsetUnit, utf16: number): number {
    return unit === 'utf16' ? utf16 : this.toCodePoint(utf16)
  }

  /** Converts an offset in the given unit to UTF-16. */
  from(unit: OffsetUnit, offset: number): number {
    return unit === 'utf16' ? offset : this.toUtf16(offset)
  }

  private countAstralBefore(utf16: number): number {
    const astral = this.astral
    return partitionPoint(astral.length, (i) => astral[i] < utf16)
  }
}
