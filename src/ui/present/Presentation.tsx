import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useRun } from '../../state/engine';
import { selectFull } from '../../state/runStore';
import { downloadBytes } from '../../platform/download';
import { buildSlides } from './slides';

/** Every stylesheet rule of the page, so an exported file looks the same offline. */
function pageCss(): string {
  return [...document.styleSheets]
    .flatMap((sheet) => {
      try {
        return [...sheet.cssRules].map((r) => r.cssText);
      } catch {
        return [];
      }
    })
    .join('\n');
}

/**
 * Full-screen storyboard of the last run for a stakeholder demo: large type, the story
 * in one line, KPIs, the time curve with events, one chart per step. Arrow keys or
 * Page Up/Down move, Escape leaves; the whole deck downloads as one self-contained HTML file.
 */
export function Presentation({ onClose }: { onClose: () => void }) {
  const full = useRun(selectFull)!;
  const scenario = full.scenario;
  const slides = buildSlides(full, scenario);
  const [at, setAt] = useState(0);
  const [exporting, setExporting] = useState(false);
  const deck = useRef<HTMLDivElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  // A modal <dialog>: the page behind is inert (Tab stays in the deck), Escape closes it, and
  // the browser gives focus back to what had it (the Present button).
  useLayoutEffect(() => {
    const d = dialog.current!;
    if (!d.open) {
      d.showModal();
      // The deck opens on its first slide: the focus starts on Next, not on a Previous that does nothing yet.
      d.querySelector<HTMLButtonElement>('button[aria-label="Next slide"]')?.focus();
    }
    d.addEventListener('close', onClose);
    return () => d.removeEventListener('close', onClose);
  }, [onClose]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Space on a focused button presses it (Close, Download), as everywhere else.
      if (e.key === ' ' && e.target instanceof Element && e.target.closest('button, a, input, select, textarea')) return;
      if (e.key === 'ArrowRight' || e.key === 'PageDown' || e.key === ' ') setAt((i) => Math.min(slides.length - 1, i + 1));
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') setAt((i) => Math.max(0, i - 1));
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [slides.length, onClose]);

  // Every slide is rendered off screen once, then serialised with the page's styles.
  useEffect(() => {
    if (!exporting) return;
    const id = requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${scenario.name}: scenario story</title><style>${pageCss()}</style></head><body class="present-doc">${deck.current?.innerHTML ?? ''}</body></html>`;
        downloadBytes(`${scenario.name}_presentation.html`, html);
        setExporting(false);
      }),
    );
    return () => cancelAnimationFrame(id);
  }, [exporting, scenario.name]);

  const slide = slides[at];
  return (
    <dialog ref={dialog} className="presentation" aria-label="Presentation">
      <div className="present-bar">
        <span>
          {at + 1} / {slides.length}
        </span>
        {/* aria-disabled, not disabled: a button that disables itself under the focus drops it to the page. */}
        <button type="button" onClick={() => setAt(Math.max(0, at - 1))} aria-disabled={at === 0} aria-label="Previous slide">
          ←
        </button>
        <button type="button" onClick={() => setAt(Math.min(slides.length - 1, at + 1))} aria-disabled={at === slides.length - 1} aria-label="Next slide">
          →
        </button>
        <button type="button" onClick={() => setExporting(true)} disabled={exporting}>
          Download as HTML
        </button>
        <button type="button" onClick={() => dialog.current?.close()}>
          Close (Esc)
        </button>
      </div>
      <section className="slide" aria-roledescription="slide" aria-label={slide.title}>
        <h1>{slide.title}</h1>
        <div className="slide-body">{slide.body}</div>
      </section>
      {exporting && (
        <div className="present-export" ref={deck} aria-hidden>
          {slides.map((s, i) => (
            <section key={i} className="slide">
              <h1>{s.title}</h1>
              <div className="slide-body">{s.body}</div>
            </section>
          ))}
        </div>
      )}
    </dialog>
  );
}
