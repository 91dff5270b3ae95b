// `npm run schema`: writes public/schema/eventflow-scenario-1.schema.json from the app's zod schema.
import { writeFileSync } from 'node:fs';
import { SCHEMA_FILE, scenarioJsonSchemaText } from '../model/jsonSchema';

writeFileSync(SCHEMA_FILE, scenarioJsonSchemaText(), 'utf8');
process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
