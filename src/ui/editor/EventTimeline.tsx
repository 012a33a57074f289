import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { eventStartMs, eventWindows, makeEvent, EVENT_TYPES, MAX_DAYS, type EventType, type Scenario, dayNumber, isoTimestamp, MS_PER_DAY, MS_PER_HOUR } from '../../engine/client';
import { selectScenario, selectUpdate, useScenarioStore } from '../../state/scenarioStore';
import { EVENT_COLORS } from '../charts/colors';
import { formatCount, humanize } from '../labels';
import { issuesAt, useScenarioIssues } from '../useScenarioIssues';
import { EventForm } from './EventForm';
import { FieldError } from './FieldError';

const toIsoMinute = (ms: number) => isoTimestamp(ms).slice(0, 16).replace(' ', 'T');

interface Drag {
  index: number;
  mode: 'move' | 'resize';
  x0: number;
  width: number;
  /** Hours moved (move) or added (resize) so far. */
  hours: number;
}

/** A time that never wraps inside itself: no-break space and no-break hyphen. */
const unbroken = (text: string) => text.replace(/ /g, '\u00a0').replace(/-/g, '\u2011');

/** The part of the calendar the track shows: the events with room around them, or the whole calendar. */
function trackWindow(s: Scenario, zoomed: boolean): { from: number; span: number } {
  const calStart = dayNumber(s.calendar.start) * MS_PER_DAY;
  // A days value the scenario refuses (E101, shown under the field) is drawn as the longest it allows.
  const whole = { from: calStart, span: Math.min(Math.max(1, s.calendar.days), MAX_DAYS) * MS_PER_DAY };
  // Zoomed on the events inside the calendar: one moved past its end is marked at the edge, not zoomed to.
  const inside = eventWindows(s).filter((w) => w.startMs < whole.from + whole.span && w.endMs > whole.from);
  if (!zoomed || inside.length === 0) return whole;
  const first = Math.min(...inside.map((w) => w.startMs));
  const last = Math.max(...inside.map((w) => w.endMs));
  const pad = Math.max(6 * MS_PER_HOUR, (last - first) / 2);
  const from = Math.max(whole.from, Math.floor((first - pad) / MS_PER_HOUR) * MS_PER_HOUR);
  const to = Math.min(whole.from + whole.span, Math.ceil((last + pad) / MS_PER_HOUR) * MS_PER_HOUR);
  // Zoom only where it helps: events that fill most of the calendar show it whole.
  return to - from > 0.6 * whole.span ? whole : { from, span: Math.max(MS_PER_HOUR, to - from) };
}

/** At most six ticks over the window (the editor's track is ~360 px), on whole hours or days; an hour tick reads "14h", midnight its date. */
function trackTicks(from: number, span: number): { ms: number; label: string }[] {
  const hours = span / MS_PER_HOUR;
  const step = [1, 2, 3, 6, 12, 24, 48, 72, 168, 336, 720, 1440].find((h) => hours / h <= 6) ?? Math.ceil(hours / 6 / 24) * 24;
  const first = Math.ceil(from / (step * MS_PER_HOUR)) * step * MS_PER_HOUR;
  const out = [];
  // A tick in the last tenth would have no room for its label.
  for (let ms = first; ms < from + span * 0.9; ms += step * MS_PER_HOUR) out.push({ ms, label: step < 24 && ms % MS_PER_DAY !== 0 ? `${isoTimestamp(ms).slice(11, 13)}h` : isoTimestamp(ms).slice(5, 10) });
  return out;
}

function uniqueId(s: Scenario, type: EventType): string {
  let id: string = type;
  for (let k = 2; s.events.some((e) => e.id === id); k++) id = `${type}_${k}`;
  return id;
}

/**
 * Events as bars on the scenario's calendar: add from the palette, drag a bar to move
 * it, drag its right edge to resize, or use the arrow keys (Shift: a day at a time);
 * the selected event's parameters sit in the form below.
 */
export function EventTimeline() {
  const scenario = useScenarioStore(selectScenario);
  const update = useScenarioStore(selectUpdate);
  const issues = useScenarioIssues();
  const [selected, setSelected] = useState(0);
  const [drag, setDrag] = useState<Drag | null>(null);
  const track = useRef<HTMLDivElement>(null);
  const [zoomed, setZoomed] = useState(true);
  const calStart = dayNumber(scenario.calendar.start) * MS_PER_DAY;
  const calSpan = Math.max(1, scenario.calendar.days) * MS_PER_DAY;
  // The window follows the scenario, not a drag in progress, so the track holds still under the pointer.
  const view = trackWindow(scenario, zoomed);
  const spanMs = view.span;
  const canZoom = trackWindow(scenario, true).span < calSpan;
  const pct = (ms: number) => `${(Math.max(0, Math.min(spanMs, ms - view.from)) / spanMs) * 100}%`;

  const add = (type: EventType) => {
    const start = calStart + Math.floor(scenario.calendar.days / 3) * MS_PER_DAY + 10 * MS_PER_HOUR;
    update((s) => {
      const e = makeEvent(type, toIsoMinute(start), uniqueId(s, type));
      e.durationHours = Math.min(e.durationHours, Math.max(1, (calStart + calSpan - start) / MS_PER_HOUR));
      s.events.push(e);
    });
    setSelected(scenario.events.length);
  };
  const shift = (index: number, mode: Drag['mode'], hours: number) => {
    if (hours === 0) return;
    update((s) => {
      const e = s.events[index];
      if (mode === 'move') {
        // A move keeps an hour of the event inside the calendar (200 presses of → had pushed the
        // bar off the strip), though never further out than it already was (a file may place it there).
        const from = eventStartMs(e);
        const lo = Math.min(from, calStart - (e.durationHours - 1) * MS_PER_HOUR);
        const hi = Math.max(from, calStart + calSpan - MS_PER_HOUR);
        e.start = toIsoMinute(Math.min(hi, Math.max(lo, from + hours * MS_PER_HOUR)));
      }
      else e.durationHours = Math.max(1, e.durationHours + hours);
    });
  };
  const hoursFor = (dx: number, width: number) => Math.round((dx / width) * (spanMs / MS_PER_HOUR));

  const onPointerDown = (index: number, mode: Drag['mode']) => (ev: PointerEvent) => {
    if (!track.current) return;
    ev.stopPropagation();
    (ev.target as Element).setPointerCapture(ev.pointerId);
    setSelected(index);
    setDrag({ index, mode, x0: ev.clientX, width: track.current.clientWidth, hours: 0 });
  };
  const onPointerMove = (ev: PointerEvent) => drag && setDrag({ ...drag, hours: hoursFor(ev.clientX - drag.x0, drag.width) });
  const onPointerUp = () => {
    if (drag) shift(drag.index, drag.mode, drag.hours);
    setDrag(null);
  };
  const onKey = (index: number) => (ev: KeyboardEvent) => {
    const step = ev.shiftKey ? 24 : 1;
    if (ev.key === 'ArrowLeft' || ev.key === 'ArrowRight') {
      ev.preventDefault();
      shift(index, ev.altKey ? 'resize' : 'move', ev.key === 'ArrowLeft' ? -step : step);
    }
  };

  const ticks = trackTicks(view.from, view.span);
  const dragged = drag ? scenario.events[drag.index] : undefined;
  const draggedStart = dragged ? eventStartMs(dragged) + (drag!.mode === 'move' ? drag!.hours * MS_PER_HOUR : 0) : 0;
  const draggedHours = dragged ? Math.max(1, dragged.durationHours + (drag!.mode === 'resize' ? drag!.hours : 0)) : 0;

  return (
    <section className="panel-section" aria-labelledby="events-heading">
      <h2 id="events-heading">Events</h2>
      <div className="palette" role="group" aria-label="Add an event">
        {EVENT_TYPES.map((t) => (
          <button key={t} type="button" className="chip-button" onClick={() => add(t)} aria-label={`Add ${humanize(t)}`}>
            + {humanize(t)}
          </button>
        ))}
      </div>
      <div className="timeline-head small muted">
        <span aria-live="polite">
          {dragged
            ? `${dragged.label}: ${isoTimestamp(draggedStart).slice(0, 16)} to ${isoTimestamp(draggedStart + draggedHours * MS_PER_HOUR).slice(5, 16)}, ${draggedHours} h`
            : view.span < calSpan
              ? `Showing ${unbroken(isoTimestamp(view.from).slice(5, 16))} to ${unbroken(isoTimestamp(view.from + view.span).slice(5, 16))} of the ${formatCount(scenario.calendar.days)}-day calendar`
              : `The whole ${formatCount(scenario.calendar.days)}-day calendar`}
        </span>
        {canZoom && (
          <label className="inline-check">
            <input type="checkbox" checked={zoomed} onChange={(e) => setZoomed(e.target.checked)} /> Zoom to the events
          </label>
        )}
      </div>
      <div className="timeline" ref={track} onPointerMove={onPointerMove} onPointerUp={onPointerUp} style={{ height: 22 + Math.max(1, scenario.events.length) * 26 }}>
        {ticks.map((t) => (
          <span key={t.ms} className="tick" style={{ left: pct(t.ms) }}>
            {t.label}
          </span>
        ))}
        {scenario.events.length === 0 && <span className="timeline-empty muted small">No events: an ordinary period. Add one above.</span>}
        {scenario.events.map((e, i) => {
          const start = eventStartMs(e) + (drag?.index === i && drag.mode === 'move' ? drag.hours * MS_PER_HOUR : 0);
          const hours = e.durationHours + (drag?.index === i && drag.mode === 'resize' ? drag.hours : 0);
          const end = start + Math.max(1, hours) * MS_PER_HOUR;
          const bad = issuesAt(issues, `events.${i}`, true).length > 0;
          // A short event's bar is too narrow for its name: the name goes beside it.
          const narrow = (end - start) / spanMs < 0.18;
          // A bar a few pixels wide is all grip for moving; resize it with Alt+arrows or the duration field.
          const tiny = (end - start) / spanMs < 0.06;
          return (
            <div
              key={e.id}
              className={`event-bar ${selected === i ? 'selected' : ''} ${bad ? 'bad' : ''}`}
              style={{ left: pct(start), width: `max(${tiny ? 14 : 6}px, calc(${pct(end)} - ${pct(start)}))`, top: 20 + i * 26, background: EVENT_COLORS[i % EVENT_COLORS.length] }}
            >
              <button
                type="button"
                className="event-body"
                aria-pressed={selected === i}
                aria-label={`${e.label}: ${e.start.replace('T', ' ')}, ${e.durationHours} h. Arrows move it, Alt+arrows resize.`}
                onPointerDown={onPointerDown(i, 'move')}
                onClick={() => setSelected(i)}
                onKeyDown={onKey(i)}
              >
                {narrow ? '' : e.label}
              </button>
              {!tiny && <span className="event-handle" aria-hidden onPointerDown={onPointerDown(i, 'resize')} />}
              {narrow && (
                <span className={`event-outside ${(start - calStart) / spanMs > 0.6 ? 'left' : ''}`} aria-hidden>
                  {e.label}
                </span>
              )}
            </div>
          );
        })}
      </div>
      <FieldError id="events-err" issues={issuesAt(issues, 'events')} />
      {scenario.events[selected] && (
        <EventForm
          index={selected}
          onRemove={() => {
            update((s) => void s.events.splice(selected, 1));
            setSelected(Math.max(0, selected - 1));
          }}
        />
      )}
    </section>
  );
}
