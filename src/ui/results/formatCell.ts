import { DataType, type Field } from 'apache-arrow';
import { isoDay, isoTimestamp } from '../../engine/client';

/** A function that turns one Arrow value of this field into display text. */
export function cellFormatter(field: Field): (v: unknown) => string {
  const t = field.type;
  if (DataType.isTimestamp(t)) return (v) => (v == null ? '' : isoTimestamp(toNumber(v)));
  if (DataType.isDate(t)) return (v) => (v == null ? '' : isoDay(Math.round(toNumber(v) / 86_400_000)));
  if (DataType.isFloat(t)) {
    const scale = Number(field.metadata.get('scale') ?? NaN);
    return Number.isFinite(scale) ? (v) => (v == null ? '' : (v as number).toFixed(scale)) : (v) => (v == null ? '' : String(v));
  }
  return (v) => (v == null ? '' : String(v));
}

function toNumber(v: unknown): number {
  if (v instanceof Date) return v.getTime();
  return Number(v);
}

export function isNumericField(field: Field): boolean {
  return DataType.isInt(field.type) || DataType.isFloat(field.type) || DataType.isTimestamp(field.type) || DataType.isDate(field.type);
}
