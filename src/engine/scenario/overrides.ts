import { ScenarioError } from './errors';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Short names for common fields, so `--set days=10` works beside `--set calendar.days=10`. */
const ALIASES: Record<string, string> = {
  days: 'calendar.days',
  start: 'calendar.start',
  customers: 'volumes.customers',
  ordersPerDay: 'volumes.ordersPerDay',
  orders_per_day: 'volumes.ordersPerDay',
  products: 'volumes.products',
  suppliers: 'volumes.suppliers',
};

/**
 * Sets one field by dotted path (`cohorts.0.share=30`, `calendar.days=10`, `days=10`).
 * The value is read as JSON when it parses (numbers, arrays), else as a string. The path
 * must exist already: a typo is an error, not a new field.
 */
export function applyOverride<T extends object>(scenario: T, assignment: string): T {
  const eq = assignment.indexOf('=');
  if (eq <= 0) throw overrideError(assignment, 'expected field=value');
  const key = assignment.slice(0, eq).trim();
  const path = (Object.hasOwn(ALIASES, key) ? ALIASES[key] : key).split('.');
  // Names that reach an object's prototype are never fields.
  const bad = path.find((p) => FORBIDDEN_KEYS.has(p));
  if (bad !== undefined) throw overrideError(assignment, `"${bad}" is not a field name`);
  const value = parseValue(assignment.slice(eq + 1));
  const copy = structuredClone(scenario) as unknown as Record<string, Json>;
  let node: Json = copy;
  for (let i = 0; i < path.length - 1; i++) {
    const next: Json | undefined = isContainer(node) && hasField(node as object, path[i]) ? (node as Record<string, Json>)[path[i]] : undefined;
    if (next === undefined || !isContainer(next)) throw overrideError(assignment, `no field "${path.slice(0, i + 1).join('.')}" in the scenario`);
    node = next;
  }
  const leaf = path[path.length - 1];
  if (!isContainer(node) || !hasField(node as object, leaf)) throw overrideError(assignment, `no field "${path.join('.')}" in the scenario`);
  (node as Record<string, Json>)[leaf] = value;
  return copy as unknown as T;
}

/** Keys that would reach Object.prototype through a plain object. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

function parseValue(text: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return text;
  }
}

/** A field of an object, or an item of a list by its index: a list's `length` is not a field (cohorts.length=1e9 ran out of memory, =2 dropped two cohorts). */
function hasField(node: object, key: string): boolean {
  return Array.isArray(node) ? /^\d+$/.test(key) && Number(key) < node.length : Object.hasOwn(node, key);
}

function isContainer(v: Json | undefined): boolean {
  return typeof v === 'object' && v !== null;
}

function overrideError(assignment: string, why: string): ScenarioError {
  return new ScenarioError([{ code: 'E110', field: '--set', message: `"${assignment}": ${why}` }]);
}

/** '8h', '90m', '2d' or a plain number of hours → hours. */
export function parseDurationHours(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([mhd]?)$/i.exec(text.trim());
  if (!m) throw overrideError(`--duration ${text}`, 'use a number of hours or 90m, 8h, 2d');
  const n = Number(m[1]);
  const unit = m[2].toLowerCase();
  return unit === 'm' ? n / 60 : unit === 'd' ? n * 24 : n;
}

/**
 * The seed's `--discount 60 --duration 8h --intensity 10.0`: the same change on every
 * event of the scenario (a template's events are its story).
 */
export function applyEventOverrides<T extends { events: { discountPct: number; durationHours: number; intensity: number }[] }>(
  scenario: T,
  o: { discount?: string; duration?: string; intensity?: string },
): T {
  if (o.discount === undefined && o.duration === undefined && o.intensity === undefined) return scenario;
  if (scenario.events.length === 0) throw overrideError('--discount/--duration/--intensity', 'this scenario has no events to change; add one or pick an event template');
  const copy = structuredClone(scenario);
  for (const e of copy.events) {
    if (o.discount !== undefined) e.discountPct = Number(o.discount);
    if (o.duration !== undefined) e.durationHours = parseDurationHours(o.duration);
    if (o.intensity !== undefined) e.intensity = Number(o.intensity);
  }
  return copy;
}
