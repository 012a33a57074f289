import { z } from 'zod';
import { scenarioSchema, SCHEMA_VERSION } from './schema';

/** The published JSON Schema of scenario files (for editor completion), generated from the zod schema. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'scenario.schema.json',
    title: `Scenario (schema version ${SCHEMA_VERSION})`,
    description: 'A scenario of the synthetic e-commerce data designer. Shares are percentages; times are UTC.',
    properties: { $schema: { type: 'string' }, ...properties },
  };
}
