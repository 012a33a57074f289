import { rebalance, type ScenarioIssue } from '../../engine/client';
import { useId, useRef, useState } from 'react';
import { FieldError } from './FieldError';
import { useDraftProblem } from './draftProblems';
import { useDraftText } from './useDraftText';

export interface MixRow {
  key: string;
  label: string;
  value: number;
}

interface Props {
  title: string;
  rows: readonly MixRow[];
  /** Called with every share: one moved and the others rebalanced to sum to 100, or the mix put back. */
  onChange: (shares: number[]) => void;
  issues: readonly ScenarioIssue[];
}

/** Shares that always sum to 100: a slider and a number per option. */
export function MixEditor({ title, rows, onChange, issues }: Props) {
  const total = Math.round(rows.reduce((a, r) => a + r.value, 0) * 10) / 10;
  const shares = rows.map((r) => r.value);
  const move = (index: number, value: number) => onChange(rebalance(shares, index, value));
  // Typing 200 applies 2 and 20 on the way, each rebalancing the others: a refused entry puts
  // back the mix from before that box's typing, not a keystroke's. `typing.before` is the mix
  // when the box `typing.box` began to be typed into, `typing.sent` what its last keystroke
  // made; anything else that moved the mix since (undo, a slider) ends the run, and then
  // nothing is put back. `typing.boxes`, the boxes typed into during the run, keep their
  // shares while another is typed (rebalance's `keep`): 25 into each of four boxes gives
  // 25/25/25/25. A box emptied before anything was typed into it puts nothing back, so the
  // shares typed into the other boxes stay (the mix from before the whole run would lose them).
  const typing = useRef<{ box: number; before: number[]; sent: number[]; boxes: number[] } | null>(null);
  const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => v === b[i]);
  const typed = (index: number, value: number) => {
    const run = typing.current && same(typing.current.sent, shares) ? typing.current : null;
    const boxes = run?.boxes ?? [];
    // Each keystroke of a box rebalances the mix it began from: 3 then 30 gives what 30 alone gives.
    const before = run?.box === index ? run.before : shares;
    const next = rebalance(before, index, value, boxes);
    typing.current = { box: index, before, sent: next, boxes: [...boxes.filter((b) => b !== index), index] };
    onChange(next);
  };
  /** Puts the mix back as it was before this box's typing; the box's own share then, or null when nothing was put back. */
  const refused = (index: number): number | null => {
    const run = typing.current;
    if (!run || run.box !== index || !same(run.sent, shares)) return null;
    // The run goes on (the other boxes keep their shares), from the mix put back.
    typing.current = { ...run, sent: run.before, boxes: run.boxes.filter((b) => b !== index) };
    if (same(run.before, shares)) return null;
    onChange(run.before);
    return run.before[index];
  };
  const errId = `mix-${title.replace(/\W+/g, '-')}-err`;
  return (
    <fieldset className="mix" aria-describedby={issues.length ? errId : undefined}>
      <legend>
        {title} <span className={total === 100 ? 'mix-total' : 'mix-total bad'}>Σ {total}%</span>
      </legend>
      {rows.map((r, i) => (
        <div className="mix-row" key={r.key}>
          <span className="mix-label">{r.label}</span>
          <input
            type="range"
            min={0}
            max={100}
            step={0.1}
            value={r.value}
            aria-label={`${title}: ${r.label} share`}
            onChange={(e) => move(i, Number(e.target.value))}
          />
          <ShareInput label={`${title}: ${r.label} %`} name={r.label} value={r.value} onCommit={(v) => typed(i, v)} onRefuse={() => refused(i)} />
        </div>
      ))}
      <FieldError id={errId} issues={issues} />
    </fieldset>
  );
}

interface ShareInputProps {
  label: string;
  name: string;
  value: number;
  onCommit: (v: number) => void;
  /** The box holds no share: the mix goes back to how it was when the typing began; this box's share then (null: nothing went back). */
  onRefuse: () => number | null;
}

function ShareInput({ label, name, value, onCommit, onRefuse }: ShareInputProps) {
  // The share the mix was just put back to under a refused entry: that change keeps the entry in the box, with its error.
  const [putBack, setPutBack] = useState<number | null>(null);
  const [text, setText] = useDraftText(value, putBack);
  const bad = shareOf(text) === null;
  const id = useId();
  // The mix keeps its last good share meanwhile: Run and the status line must count this box.
  useDraftProblem(id, bad);
  const problem: ScenarioIssue = { code: text.trim() === '' ? 'E100' : 'E101', field: name, message: `${name}: a share is a number from 0 to 100; the mix keeps ${value}% until then` };
  return (
    <>
      <span className="share-input">
        <input
          type="number"
          min={0}
          max={100}
          step={0.1}
          value={text}
          aria-label={label}
          aria-invalid={bad}
          aria-describedby={bad ? `${id}-err` : undefined}
          onChange={(e) => {
            setText(e.target.value);
            const v = shareOf(e.target.value);
            setPutBack(v === null ? onRefuse() : null);
            if (v !== null && v !== value) onCommit(v);
          }}
        />
        %
      </span>
      {/* Under the row, across it: which share and why, as every field says it. */}
      {bad && (
        <div className="mix-row-error">
          <FieldError id={`${id}-err`} issues={[problem]} />
        </div>
      )}
    </>
  );
}

/** The share a box holds (a number from 0 to 100), or null. */
function shareOf(text: string): number | null {
  const v = Number(text);
  return text.trim() !== '' && Number.isFinite(v) && v >= 0 && v <= 100 ? v : null;
}
