/**
 * Panel exports: one standalone SVG (charts' SVGs at their on-screen positions, canvases embedded as
 * images), a PNG rendered from it, and CSV of the panel's data table. Styles come from CSS variables
 * on the page, so computed styles are inlined: the file must look the same outside the page.
 */

const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-size',
  'font-family',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
  'paint-order',
  'stroke-linejoin',
] as const;

function inlineStyles(src: Element, dst: Element): void {
  const cs = getComputedStyle(src);
  const style = STYLE_PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
  dst.setAttribute('style', style);
  const a = src.children;
  const b = dst.children;
  for (let k = 0; k < a.length && k < b.length; k++) inlineStyles(a[k] as Element, b[k] as Element);
}

/** The panel's chart elements (SVG and canvas), outermost only, in document order. */
function chartElements(panel: HTMLElement): (SVGSVGElement | HTMLCanvasElement)[] {
  const all = [...panel.querySelectorAll<SVGSVGElement | HTMLCanvasElement>('svg, canvas')];
  return all.filter(
    (el) => !all.some((o) => o !== el && o.contains(el)) && el.getBoundingClientRect().width > 0,
  );
}

/** One SVG document holding every chart of the panel, laid out as on screen. */
export function panelToSvg(panel: HTMLElement): { svg: string; width: number; height: number } {
  const els = chartElements(panel);
  const rects = els.map((el) => el.getBoundingClientRect());
  const left = Math.min(...rects.map((r) => r.left));
  const top = Math.min(...rects.map((r) => r.top));
  const width = Math.ceil(Math.max(...rects.map((r) => r.right)) - left);
  const height = Math.ceil(Math.max(...rects.map((r) => r.bottom)) - top);
  const ns = 'http://www.w3.org/2000/svg';
  const root = document.createElementNS(ns, 'svg');
  root.setAttribute('xmlns', ns);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const bg = document.createElementNS(ns, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', getComputedStyle(panel).backgroundColor || '#ffffff');
  root.appendChild(bg);
  els.forEach((el, k) => {
    const r = rects[k] as DOMRect;
    const x = String(r.left - left);
    const y = String(r.top - top);
    if (el instanceof HTMLCanvasElement) {
      const img = document.createElementNS(ns, 'image');
      img.setAttribute('href', el.toDataURL('image/png'));
      img.setAttribute('x', x);
      img.setAttribute('y', y);
      img.setAttribute('width', String(r.width));
      img.setAttribute('height', String(r.height));
      root.appendChild(img);
    } else {
      const clone = el.cloneNode(true) as SVGSVGElement;
      inlineStyles(el, clone);
      clone.setAttribute('x', x);
      clone.setAttribute('y', y);
      clone.setAttribute('width', String(r.width));
      clone.setAttribute('height', String(r.height));
      root.appendChild(clone);
    }
  });
  return { svg: new XMLSerializer().serializeToString(root), width, height };
}

/** PNG at 2× of the panel's charts, rendered from the standalone SVG. */
export async function panelToPng(panel: HTMLElement, scale = 2): Promise<Blob> {
  const { svg, width, height } = panelToSvg(panel);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

// Kept here for older importers; the function lives in download.ts (no export code needed).
export { download } from './download';
