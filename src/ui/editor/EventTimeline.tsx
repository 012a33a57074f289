import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { eventStartMs, makeEvent, EVENT_TYPES, type EventType, type Scenario, dayNumber, isoTimestamp, MS_PER_DAY, MS_PER_HOUR } from '../../engine/client';
import { selectScenario, selectUpdate, useScenarioStore } from '../../state/scenarioStore';
import { EVENT_COLORS } from '../charts/colors';
import { humanize } from '../labels';
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
  const calStart = dayNumber(scenario.calendar.start) * MS_PER_DAY;
  const spanMs = Math.max(1, scenario.calendar.days) * MS_PER_DAY;
  const pct = (ms: number) => `${(Math.max(0, Math.min(spanMs, ms - calStart)) / spanMs) * 100}%`;

  const add = (type: EventType) => {
    const start = calStart + Math.floor(scenario.calendar.days / 3) * MS_PER_DAY + 10 * MS_PER_HOUR;
    update((s) => {
      const e = makeEvent(type, toIsoMinute(start), uniqueId(s, type));
      e.durationHours = Math.min(e.durationHours, Math.max(1, (calStart + spanMs - start) / MS_PER_HOUR));
      s.events.push(e);
    });
    setSelected(scenario.events.length);
  };
  const shift = (index: number, mode: Drag['mode'], hours: number) => {
    if (hours === 0) return;
    update((s) => {
      const e = s.events[index];
      if (mode === 'move') e.start = toIsoMinute(eventStartMs(e) + hours * MS_PER_HOUR);
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

  // About eight date ticks, whatever the calendar's length.
  const tickStep = Math.max(1, Math.ceil(scenario.calendar.days / 8));
  const ticks = Array.from({ length: Math.ceil(scenario.calendar.days / tickStep) }, (_, k) => calStart + k * tickStep * MS_PER_DAY);

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
      <div className="timeline" ref={track} onPointerMove={onPointerMove} onPointerUp={onPointerUp} style={{ height: 22 + Math.max(1, scenario.events.length) * 26 }}>
        {ticks.map((ms) => (
          <span key={ms} className="tick" style={{ left: pct(ms) }}>
            {isoTimestamp(ms).slice(5, 10)}
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
