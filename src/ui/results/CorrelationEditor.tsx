import { useMemo, useState } from 'react';
import { minEigenvalue, nearestCorrelation } from '../../engine/client';
import { selectScenario, selectUpdate, useScenarioStore } from '../../state/scenarioStore';
import { Heatmap, MatrixHead } from '../charts/Heatmap';
import { METRIC_LABELS } from '../labels';

/** The target matrix as a symmetric grid: edit a cell below the diagonal, its mirror follows. */
export function CorrelationEditor() {
  const scenario = useScenarioStore(selectScenario);
  const update = useScenarioStore(selectUpdate);
  const m = scenario.correlations.matrix;
  const check = useMemo(() => {
    const min = minEigenvalue(m);
    return { min, repaired: min < -1e-10 ? nearestCorrelation(m) : null };
  }, [m]);

  // What is being typed into a cell, the cell's value before the typing began and the value its
  // last keystroke set, and why the last entry was refused (it stays until a valid one).
  const [draft, setDraft] = useState<{ i: number; j: number; text: string; before: number; sent: number } | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  // A valid draft that no longer matches its cell (Undo changed it) gives way to the stored value.
  const typing = draft && (refusal !== null || Number(draft.text) === m[draft.i][draft.j]) ? draft : null;
  const type = (i: number, j: number, text: string) => {
    // Typing 1.5 applies 1 on the way: a refused entry puts back the value from before the typing,
    // not a keystroke's. The typing goes on while the cell holds what its last keystroke set;
    // anything else that changed it (undo) starts anew from what it holds.
    const going = draft?.i === i && draft.j === j && draft.sent === m[i][j];
    const before = going ? draft.before : m[i][j];
    const x = Number(text);
    const refuse = (message: string) => {
      if (m[i][j] !== before) set(i, j, before);
      setDraft({ i, j, text, before, sent: before });
      setRefusal(`${message} The target stays ${before}.`);
    };
    // A number box gives '' for letters as well as for nothing typed yet.
    if (text.trim() === '') return refuse(`E100 ${METRIC_LABELS[i]} × ${METRIC_LABELS[j]}: a correlation is a number from −1 to 1.`);
    if (!Number.isFinite(x) || x < -1 || x > 1) return refuse(`E101 ${METRIC_LABELS[i]} × ${METRIC_LABELS[j]}: ${text} is not applied; a correlation is a number from −1 to 1.`);
    setDraft({ i, j, text, before, sent: x });
    setRefusal(null);
    set(i, j, x);
  };

  const set = (i: number, j: number, v: number) =>
    update((s) => {
      s.correlations.matrix[i][j] = v;
      s.correlations.matrix[j][i] = v;
    });

  return (
    <section className="card" aria-labelledby="corr-edit-heading">
      <h3 id="corr-edit-heading">Target correlations</h3>
      <p className="muted small">Edit a cell; its mirror across the diagonal follows. Values from −1 to 1.</p>
      <table className="matrix-editor">
        <MatrixHead labels={METRIC_LABELS} />
        <tbody>
          {m.map((row, i) => (
            <tr key={i}>
              <th scope="row">{METRIC_LABELS[i]}</th>
              {row.map((v, j) => (
                <td key={j}>
                  {i === j ? (
                    <span className="muted">1</span>
                  ) : (
                    <input
                      type="number"
                      min={-1}
                      max={1}
                      step={0.01}
                      value={typing?.i === i && typing.j === j ? typing.text : v}
                      aria-label={`Target correlation ${METRIC_LABELS[i]} × ${METRIC_LABELS[j]}`}
                      aria-invalid={typing?.i === i && typing.j === j && refusal !== null}
                      aria-describedby={refusal ? 'corr-refusal' : undefined}
                      onChange={(e) => type(i, j, e.target.value)}
                      onBlur={() => setDraft(null)}
                    />
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {refusal && (
        <p id="corr-refusal" className="field-error" role="alert">
          {refusal}
        </p>
      )}
      {check.repaired && (
        <div className="banner warning" role="alert">
          <strong>Not positive semi-definite</strong> (smallest eigenvalue {check.min.toFixed(3)}): no data can have these correlations. Runs use the nearest
          valid matrix, shown beside what you entered.
          <div className="heatmap-row">
            <Heatmap title="You entered" labels={METRIC_LABELS} matrix={m} limit={1} />
            <Heatmap title="Nearest valid (used)" labels={METRIC_LABELS} matrix={check.repaired} limit={1} compare={{ name: 'entered', matrix: m }} />
          </div>
        </div>
      )}
    </section>
  );
}
