import { divergingColor, inkFor } from './colors';

interface Props {
  title: string;
  labels: readonly string[];
  matrix: readonly (readonly number[])[];
  /** Colour saturates at ± this value. */
  limit: number;
  /** Optional second matrix named in the hover text, e.g. the target. */
  compare?: { name: string; matrix: readonly (readonly number[])[] };
  signed?: boolean;
  digits?: number;
}

/** A small correlation heatmap: colour for the eye, the value printed for the reader. */
export function Heatmap({ title, labels, matrix, limit, compare, signed = false, digits = 2 }: Props) {
  return (
    <figure className="heatmap">
      <figcaption>{title}</figcaption>
      <table aria-label={title}>
        <MatrixHead labels={labels} />
        <tbody>
          {matrix.map((row, i) => (
            <tr key={labels[i]}>
              <th scope="row">{labels[i]}</th>
              {row.map((v, j) => (
                <td
                  key={labels[j]}
                  style={{ background: divergingColor(v, limit), color: inkFor(v, limit) }}
                  title={`${labels[i]} × ${labels[j]}: ${v.toFixed(3)}${compare ? ` (${compare.name} ${compare.matrix[i][j].toFixed(3)})` : ''}`}
                >
                  {formatCell(v, digits, signed)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function formatCell(v: number, digits: number, signed: boolean): string {
  const text = v.toFixed(digits);
  if (Number(text) === 0) return (0).toFixed(digits); // no "-0.00"
  return signed && v > 0 ? `+${text}` : text;
}

/** Column headers of a square matrix table: an empty corner, then one per label. */
export function MatrixHead({ labels }: { labels: readonly string[] }) {
  return (
    <thead>
      <tr>
        <th />
        {labels.map((l) => (
          <th key={l} scope="col">
            {l}
          </th>
        ))}
      </tr>
    </thead>
  );
}
