// Writes public/scenario.schema.json, the JSON Schema of scenario files, from the zod schema.
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../src/engine/scenario/jsonSchema';

writeFileSync('public/scenario.schema.json', `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
console.log('wrote public/scenario.schema.json');
