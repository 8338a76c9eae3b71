/**
 * The exported SVG drawn into a PNG by the browser itself: the SVG loaded as an image (from a data: URL,
 * which the page's CSP allows for images; the file embeds its facades as data: PNGs and fetches nothing,
 * so the canvas stays readable), drawn at the screen's resolution, encoded as PNG.
 */

/** Largest side of the PNG, px: browsers refuse canvases much past 16k (and memory runs out before). */
const MAX_SIDE = 16_000;

export function pngScale(width: number, height: number, wanted: number): number {
  return Math.max(0.1, Math.min(wanted, MAX_SIDE / Math.max(1, width), MAX_SIDE / Math.max(1, height)));
}

export async function svgToPng(svg: string, width: number, height: number, wantedScale = window.devicePixelRatio || 1): Promise<Blob> {
  const image = new Image();
  image.decoding = 'async';
  // base64 of the UTF-8 bytes: names in any script survive (btoa alone takes Latin-1 only).
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  image.src = `data:image/svg+xml;base64,${btoa(binary)}`;
  await image.decode();
  const scale = pngScale(width, height, wantedScale);
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw the PNG (no 2D canvas)');
  ctx.scale(scale, scale);
  ctx.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be encoded (the map may be too large)'))), 'image/png'),
  );
}
