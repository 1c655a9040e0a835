// Text widths for charts drawn without a browser. ECharts lays out axis labels, truncation and the
// legend by measuring text; in Node there is no canvas to ask, and zrender's fallback guesses
// narrower than the fonts most Linux machines print with, so long labels ran off the picture.
// These are DejaVu Sans's advance widths (measured in Chromium, per mille of the font size) for
// printable ASCII, regular and bold; DejaVu Sans is the font the report names first for its charts,
// and is wider than Arial or Helvetica, so a label measured here fits in any of them.

const REGULAR = [
  318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636,
  636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632,
  575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685,
  611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579,
  278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
]
const BOLD = [
  348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696,
  696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683,
  683, 821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771,
  724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665,
  343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
]
/** A letter outside ASCII (accented Latin, Cyrillic, Greek…), regular and bold. */
const OTHER = [640, 700]
/** CJK, Hangul, full-width forms: a full em. */
const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/

/** The font family the report's charts are drawn in (the metrics above are its). */
export const FILE_CHART_FONT = "'DejaVu Sans', Verdana, 'Bitstream Vera Sans', sans-serif"

/** The width of `text` in the CSS `font` (e.g. "bold 12px sans-serif"), in pixels. */
export function measureText(text: string, font?: string): { width: number } {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12)
  const bold = /\b(bold|bolder|[6-9]00)\b/.test(font ?? '')
  const table = bold ? BOLD : REGULAR
  let width = 0
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    if (code >= 32 && code < 127) width += table[code - 32]
    else if (WIDE.test(ch) || code > 0xffff) width += 1000
    else if (code >= 0x300 && code < 0x370)
      width += 0 // combining marks
    else width += OTHER[bold ? 1 : 0]
  }
  return { width: (width * size) / 1000 }
}
