// Turns the CLI's arguments into a scenario: template or file, overrides, size presets, continuation.
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import {
  applyEventOverrides,
  applyOverride,
  assertScenario,
  buildTemplate,
  CHURN_SIZES,
  continuation,
  INVENTORY_SIZES,
  parseScenarioText,
  ScenarioError,
  corruptionPreset,
  withChurnSize,
  withInventorySize,
  type ChurnSize,
  type InventorySize,
  type RunRange,
  type Scenario,
} from '../engine';

export async function loadScenario(values: {
  template?: string;
  scenario?: string;
  seed?: string;
  set?: string[];
  tables?: string;
  discount?: string;
  duration?: string;
  intensity?: string;
  size?: string;
  corruption?: string;
}): Promise<Scenario> {
  if (values.template && values.scenario) throw argError('--scenario', 'give --template or --scenario, not both');
  let base: unknown;
  if (values.scenario) {
    let text: string;
    try {
      text = await readFile(values.scenario, 'utf8');
    } catch (e) {
      throw argError('--scenario', `cannot read ${values.scenario}: ${(e as Error).message}`);
    }
    const parsed = parseScenarioText(text);
    if (!parsed.ok) throw new ScenarioError(parsed.issues);
    base = parsed.scenario;
  } else {
    base = buildTemplate(values.template ?? 'baseline');
  }
  let s = base as Scenario;
  if (values.seed !== undefined) s = applyOverride(s, `seed=${values.seed}`);
  if (values.tables !== undefined) s = { ...s, tables: values.tables.split(',').map((t) => t.trim()) as Scenario['tables'] };
  s = applyEventOverrides(s, values);
  if (values.size !== undefined) s = sized(s, values.size);
  if (values.corruption !== undefined) {
    const pct = Number(values.corruption);
    if (!(pct > 0 && pct <= 50)) throw argError('--corruption', `must be a percentage above 0 and at most 50, not "${values.corruption}"`);
    s = { ...s, quality: { faults: [...s.quality.faults, ...corruptionPreset(s, pct)] } };
  }
  for (const assignment of values.set ?? []) s = applyOverride(s, assignment);
  return assertScenario(s);
}

/** A template's size preset: churn sizes for a lifecycle, inventory sizes for stock. */
function sized(s: Scenario, size: string): Scenario {
  if (s.inventory) {
    if (!(size in INVENTORY_SIZES)) throw argError('--size', `must be ${Object.keys(INVENTORY_SIZES).join(' or ')} for an inventory scenario, not "${size}"`);
    return withInventorySize(s, size as InventorySize);
  }
  if (s.lifecycle) {
    if (!(size in CHURN_SIZES)) throw argError('--size', `must be ${Object.keys(CHURN_SIZES).join(', ')} for a lifecycle scenario, not "${size}"`);
    return withChurnSize(s, size as ChurnSize);
  }
  throw argError('--size', 'size presets are for lifecycle (churn_feature_store) and inventory (inventory_retail) scenarios');
}

/** The scenario and day range that continue the run described by a manifest.json. */
export async function continueFrom(manifestPath: string, values: { days?: string; template?: string; scenario?: string; seed?: string; set?: string[]; partitions?: string }): Promise<{ scenario: Scenario; range: RunRange }> {
  if (values.template || values.scenario) throw argError('--continue', 'continues the manifest\'s own scenario; drop --template/--scenario');
  // They would change nothing (the manifest's scenario goes on as it was): said, not silently ignored.
  if (values.seed !== undefined || (values.set?.length ?? 0) > 0) throw argError('--continue', 'continues the manifest\'s own scenario with its own seed and settings; drop --seed/--set');
  if (values.partitions !== undefined && values.partitions !== '1') throw argError('--continue', 'writes the added days in one piece; drop --partitions');
  if (values.days === undefined) throw argError('--days', 'say how many days to add with --continue');
  let manifest: { scenario?: unknown };
  try {
    manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  } catch (e) {
    throw new ScenarioError([{ code: 'E112', field: '--continue', message: `cannot read ${manifestPath} as a manifest: ${(e as Error).message}` }]);
  }
  const next = continuation(manifest.scenario, wholeNumber('--days', values.days));
  return { scenario: next.scenario, range: { fromDay: next.fromDay } };
}

export function wholeNumber(flag: string, text: string): number {
  // Decimal digits only: Number() would also take "0x2", "1e3" and " 2 ".
  const n = /^-?\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n)) throw argError(flag, `must be a whole number, not "${text}"`);
  return n;
}

export function argError(field: string, message: string): ScenarioError {
  return new ScenarioError([{ code: 'E110', field, message }]);
}

/** Whether an input file (if given) can be read a second time: a file, not a pipe or /dev/stdin. */
export function readAgain(path: string | undefined): boolean {
  try {
    return path === undefined || statSync(path).isFile();
  } catch {
    return false;
  }
}
