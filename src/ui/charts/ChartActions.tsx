import type { RefObject } from 'react';
import { downloadBytes } from '../../platform/download';

/** The chart's SVG as a standalone file: inline size and a white background, fonts as on screen. */
export function chartSvg(container: HTMLElement | null): string | null {
  // The chart is the largest SVG in the box: legend icons are 14-px SVGs of their own, and may come first.
  const candidates = [...(container?.querySelectorAll<SVGSVGElement>('svg.recharts-surface, svg[role="img"], figure > svg') ?? [])];
  const area = (e: Element) => {
    const r = e.getBoundingClientRect();
    return r.width * r.height;
  };
  const svg = candidates.sort((a, b) => area(b) - area(a))[0];
  if (!svg) return null;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const box = svg.getBoundingClientRect();
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(Math.round(box.width)));
  copy.setAttribute('height', String(Math.round(box.height)));
  copy.setAttribute('style', `background:#fff;font-family:${getComputedStyle(svg).fontFamily}`);
  return new XMLSerializer().serializeToString(copy);
}

async function svgToPng(svgText: string, scale = 2): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width * scale;
    canvas.height = img.height * scale;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Download buttons for the chart inside `target`. */
export function ChartActions({ target, name }: { target: RefObject<HTMLElement | null>; name: string }) {
  const save = async (kind: 'svg' | 'png') => {
    const svg = chartSvg(target.current);
    if (!svg) return;
    downloadBytes(`${name}.${kind}`, kind === 'svg' ? svg : await svgToPng(svg));
  };
  return (
    <span className="chart-actions">
      <button type="button" onClick={() => void save('svg')} aria-label={`Download ${name} as SVG`}>
        SVG
      </button>
      <button type="button" onClick={() => void save('png')} aria-label={`Download ${name} as PNG`}>
        PNG
      </button>
    </span>
  );
}
