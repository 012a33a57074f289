import { FAULT_KINDS } from '../../engine/client';
import type { Reports } from '../../engine/client';
import { formatCount, humanize } from '../labels';

type QualityReport = NonNullable<Reports['quality']>;

/** Faults per table and kind, and each faulted table's rows clean and faulty (the Quality view and its slide). */
export function FaultCounts({ quality }: { quality: QualityReport }) {
  const kinds = FAULT_KINDS.filter((k) => quality.counts.some((c) => c.kind === k && c.count > 0));
  const count = (t: string, k: string) => quality.counts.find((c) => c.table === t && c.kind === k)?.count ?? 0;
  return (
    <table className="stats compact" aria-label="Faults per table and kind">
      <thead>
        <tr>
          <th>table</th>
          {kinds.map((k) => (
            <th key={k} className="num">{humanize(k)}</th>
          ))}
          <th className="num">rows clean → faulty</th>
        </tr>
      </thead>
      <tbody>
        {quality.tables.map((t) => (
          <tr key={t.name}>
            <td className="mono">{t.name}</td>
            {kinds.map((k) => (
              <td key={k} className="num">
                {formatCount(count(t.name, k))}
              </td>
            ))}
            <td className="num">
              {formatCount(t.cleanRows)} → {formatCount(t.faultyRows)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
