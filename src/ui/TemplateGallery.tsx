import { useRef } from 'react';
import { TEMPLATES, buildTemplate } from '../engine/client';
import { openScenario } from '../state/replacedScenario';

/** A card per template: its story in one line and its key figures. Opening one is an undoable edit (ReplacedNotice says so when it replaced edits). */
export function TemplateGallery() {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()}>
        Gallery
      </button>
      <dialog ref={dialog} className="gallery" aria-labelledby="gallery-heading">
        <div className="gallery-head">
          <h2 id="gallery-heading">Template gallery</h2>
          <button type="button" onClick={() => dialog.current?.close()} aria-label="Close gallery">
            ✕
          </button>
        </div>
        <div className="gallery-grid">
          {TEMPLATES.map((t) => (
            <article key={t.id} className="template-card" aria-labelledby={`tpl-${t.id}`}>
              <h3 id={`tpl-${t.id}`}>{t.label}</h3>
              <p>{t.description}</p>
              <div className="figures">
                {t.figures.map((f) => (
                  <span key={f} className="chip">
                    {f}
                  </span>
                ))}
              </div>
              <button
                type="button"
                className="primary"
                aria-label={`Open ${t.label}`}
                onClick={() => {
                  openScenario(buildTemplate(t.id));
                  dialog.current?.close();
                }}
              >
                Open
              </button>
            </article>
          ))}
        </div>
      </dialog>
    </>
  );
}
