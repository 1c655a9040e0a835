// A chart as PNG: its SVG drawn onto a canvas at twice its size over the theme's background, so
// the picture reads the same wherever it is pasted. Main checks the bytes are a PNG and writes them.

/** PNG bytes of an SVG document `width`×`height` (CSS pixels) at `scale`. */
export async function svgToPng(
  svg: string,
  width: number,
  height: number,
  background: string,
  scale = 2,
): Promise<Uint8Array<ArrayBuffer>> {
  const image = new Image()
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
  await image.decode()
  const canvas = document.createElement('canvas')
  canvas.width = Math.round(width * scale)
  canvas.height = Math.round(height * scale)
  const context = canvas.getContext('2d')
  if (!context) throw new Error('cannot draw the chart: no 2D canvas')
  context.fillStyle = background
  context.fillRect(0, 0, canvas.width, canvas.height)
  context.drawImage(image, 0, 0, canvas.width, canvas.height)
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
  if (!blob) throw new Error('cannot encode the chart as PNG')
  return new Uint8Array(await blob.arrayBuffer())
}
