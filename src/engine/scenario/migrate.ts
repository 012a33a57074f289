import type { ScenarioIssue } from './errors';
import { SCHEMA_VERSION } from './schema';
import { DEFAULT_CORRELATIONS, DEFAULT_PRICE_ELASTICITY, DEFAULT_SERVICE } from './defaults';

type Raw = Record<string, unknown>;

/**
 * Steps that lift a saved scenario from version n to n + 1. Version 1 is the first;
 * when the schema changes, bump SCHEMA_VERSION and add the step from the old version here.
 */
const STEPS: Record<number, (s: Raw) => Raw> = {
  // 1 → 2: events, service levels and target correlations arrived; a version-1 file had none.
  1: (s) => ({ ...s, events: [], service: { ...DEFAULT_SERVICE }, correlations: structuredClone(DEFAULT_CORRELATIONS) }),
  // 2 → 3: weather tenants and cohort price elasticities arrived.
  2: (s) => ({
    ...s,
    tenants: [],
    // A file without cohorts stays without them: the schema then says what is missing.
    cohorts: Array.isArray(s.cohorts) ? s.cohorts.map((c) => (c && typeof c === 'object' ? { priceElasticity: DEFAULT_PRICE_ELASTICITY, ...c } : c)) : s.cohorts,
  }),
  // 3 → 4: customer lifecycles, inventory, the jaffle shop and data-quality faults arrived; all start off.
  3: (s) => ({ ...s, lifecycle: null, inventory: null, jaffle: null, quality: { faults: [] } }),
};

export function migrate(raw: Raw): { ok: true; value: Raw } | { ok: false; issue: ScenarioIssue } {
  const version = raw.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || version > SCHEMA_VERSION) {
    return {
      ok: false,
      issue: {
        code: 'E106',
        field: 'schemaVersion',
        message:
          version === undefined
            ? `is missing: a scenario file says which version it was written in (this release reads 1 to ${SCHEMA_VERSION})`
            : `version ${JSON.stringify(version)} is not supported (this release reads 1 to ${SCHEMA_VERSION})`,
      },
    };
  }
  let value = raw;
  for (let v = version; v < SCHEMA_VERSION; v++) value = { ...STEPS[v](value), schemaVersion: v + 1 };
  return { ok: true, value };
}
