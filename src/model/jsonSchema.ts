// The scenario file's JSON Schema (public/schema/eventflow-scenario-1.schema.json), generated from the
// zod schema the app validates with, never written by hand. Extension keys (`x-…`) are allowed on
// every object, as the format allows them; rules across fields (ids, edges) stay in validate.ts.
import { z } from 'zod';
import { scenarioSchema } from './schema';

export const SCHEMA_FILE = 'public/schema/eventflow-scenario-1.schema.json';
/** How gallery examples (public/examples/) name it: relative, so it works in a checkout and when served. */
export const EXAMPLE_SCHEMA_REF = '../schema/eventflow-scenario-1.schema.json';

type JsonSchema = { [key: string]: unknown };

function allowExtensions(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(allowExtensions);
  if (node === null || typeof node !== 'object') return;
  const schema = node as JsonSchema;
  if (schema.type === 'object' && schema.additionalProperties === false) schema.patternProperties = { '^x-': {} };
  for (const value of Object.values(schema)) allowExtensions(value);
}

export function scenarioJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(scenarioSchema, { target: 'draft-2020-12', unrepresentable: 'any' }) as JsonSchema;
  allowExtensions(generated);
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: 'EventFlow scenario file, version 1',
    description: 'A scenario for EventFlow (NAME.eventflow.json). Generated from the app\'s validator by `npm run schema`; rules across fields (unique ids, edges between existing nodes) are checked by the app only.',
    ...rest,
  };
}

export const scenarioJsonSchemaText = (): string => `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
