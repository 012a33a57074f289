import { useMemo } from 'react';
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
                      value={v}
                      aria-label={`Target correlation ${METRIC_LABELS[i]} × ${METRIC_LABELS[j]}`}
                      onChange={(e) => {
                        const x = Number(e.target.value);
                        if (e.target.value.trim() !== '' && Number.isFinite(x) && x >= -1 && x <= 1) set(i, j, x);
                      }}
                    />
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
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
