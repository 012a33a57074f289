import { dayNumber, EVENT_SHAPES, eventStartMs, isoDay, MS_PER_DAY, MS_PER_HOUR, type ScenarioEvent } from '../../engine/client';
import { selectScenario, selectUpdate, useScenarioStore } from '../../state/scenarioStore';
import { humanize } from '../labels';
import { issuesAt, useScenarioIssues } from '../useScenarioIssues';
import { NumberField } from './NumberField';
import { TextField } from './TextField';

const PARAM_LABELS: Record<string, string> = {
  categoryBoostPct: 'Category boost %',
  failureRatePct: 'Payment failures %',
  returnRatePct: 'Return rate %',
  processingDays: 'Processing days',
  affectedSkus: 'Affected SKUs',
  backupCapacityPct: 'Backup capacity %',
  delayLift: 'Delay lift ×',
  outageStartHour: 'Outage starts after (h)',
  outageHours: 'Outage length (h)',
  orderDropPct: 'Order drop %',
  abandonmentLift: 'Abandonment lift ×',
  ticketLift: 'Ticket lift ×',
  unitCap: 'Unit cap',
  peakSharePct: 'Peak demand share %',
  cohortIndex: 'Cohort (0 = first)',
  shiftPct: 'Share shift %',
  migrationSharePct: 'Customers migrating %',
  cannibalizationPct: 'Cannibalisation %',
  regionalSpreadPct: 'Regional spread %',
};

/**
 * Not an error (shortening Days should not make every later event one), but said: an
 * event that misses the calendar entirely changes nothing in the data.
 */
function OutsideCalendar({ event, start, days }: { event: ScenarioEvent; start: string; days: number }) {
  const from = dayNumber(start) * MS_PER_DAY;
  const to = from + days * MS_PER_DAY;
  const begins = eventStartMs(event);
  const ends = begins + event.durationHours * MS_PER_HOUR;
  if (!Number.isFinite(ends) || !Number.isFinite(from)) return null;
  const calendar = `${isoDay(from / MS_PER_DAY)} to ${isoDay(to / MS_PER_DAY - 1)}`;
  if (begins < to && ends > from) {
    // Partly outside: what falls outside changes nothing, which a bar cut at the timeline's edge does not say.
    const outside = (Math.max(0, from - begins) + Math.max(0, ends - to)) / MS_PER_HOUR;
    if (outside < 0.05) return null;
    const hours = (h: number) => h.toLocaleString('en-US', { maximumFractionDigits: 1 });
    return (
      <p className="field-note small" role="note">
        {hours(outside)} of its {hours(event.durationHours)} hours fall outside the calendar ({calendar}) and change nothing.
      </p>
    );
  }
  return (
    <p className="field-note warning small" role="note">
      Outside the calendar ({calendar}): this event changes nothing. Move it, or change the calendar.
    </p>
  );
}

/** Every field of one event: timing, shape, intensity, discount, categories and its own parameters. */
export function EventForm({ index, onRemove }: { index: number; onRemove: () => void }) {
  const scenario = useScenarioStore(selectScenario);
  const update = useScenarioStore(selectUpdate);
  const issues = useScenarioIssues();
  const e = scenario.events[index];
  if (!e) return null;
  const path = `events.${index}`;
  const at = (f: string) => issuesAt(issues, `${path}.${f}`);
  const edit = (recipe: (ev: ScenarioEvent) => void) => update((s) => recipe(s.events[index]));

  return (
    <div className="event-form" aria-label={`${e.label} settings`} role="group">
      <div className="event-form-head">
        <strong>{humanize(e.type)}</strong>
        <button type="button" className="danger" onClick={onRemove}>
          Remove event
        </button>
      </div>
      <TextField label="Event name" value={e.label} issues={at('label')} onChange={(v) => edit((ev) => void (ev.label = v))} />
      {/* The start's date and time need the room: "11/28/2024, 02:00 PM" must not be cut. */}
      <div className="field-row start-row">
        <TextField label="Event start (UTC)" type="datetime-local" value={e.start} issues={at('start')} onChange={(v) => v && edit((ev) => void (ev.start = v.slice(0, 16)))} />
        <NumberField label="Duration (hours)" step={1} value={e.durationHours} issues={at('durationHours')} onCommit={(v) => edit((ev) => void (ev.durationHours = v))} />
      </div>
      <OutsideCalendar event={e} start={scenario.calendar.start} days={scenario.calendar.days} />
      <div className="field-row">
        <div className="field">
          <label className="field-label" htmlFor={`shape-${index}`}>
            Shape
          </label>
          <select id={`shape-${index}`} value={e.shape} onChange={(x) => edit((ev) => void (ev.shape = x.target.value as ScenarioEvent['shape']))}>
            {EVENT_SHAPES.map((s) => (
              <option key={s} value={s}>
                {humanize(s)}
              </option>
            ))}
          </select>
        </div>
        <NumberField label="Intensity ×" step={0.1} value={e.intensity} issues={at('intensity')} onCommit={(v) => edit((ev) => void (ev.intensity = v))} />
        <NumberField label="Discount %" step={1} value={e.discountPct} issues={at('discountPct')} onCommit={(v) => edit((ev) => void (ev.discountPct = v))} />
      </div>
      <fieldset className="categories">
        <legend>Categories {e.categories.length === 0 && <span className="muted">(all)</span>}</legend>
        {Object.keys(scenario.catalog.categories).map((c) => (
          <label key={c} className="check">
            <input
              type="checkbox"
              checked={e.categories.includes(c)}
              onChange={(x) => edit((ev) => void (ev.categories = x.target.checked ? [...ev.categories, c] : ev.categories.filter((k) => k !== c)))}
            />
            {humanize(c)}
          </label>
        ))}
      </fieldset>
      <div className="param-grid">
        {Object.entries(e.params).map(([k, v]) => (
          <NumberField key={k} label={PARAM_LABELS[k] ?? humanize(k)} step={0.1} value={v} issues={at(`params.${k}`)} onCommit={(x) => edit((ev) => void (ev.params[k] = x))} />
        ))}
      </div>
    </div>
  );
}
