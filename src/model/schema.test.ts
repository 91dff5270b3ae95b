// The JSON Schema built from the records: a document a file may follow, with the records' fields.
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from './jsonSchema';

describe('scenarioJsonSchema', () => {
  it('describes every node kind and the queue fields, with no unknown keys allowed', () => {
    const text = JSON.stringify(scenarioJsonSchema());
    for (const kind of ['publisher', 'topic', 'queue', 'handler']) expect(text).toContain(`"const":"${kind}"`);
    expect(text).toContain('"partitions"');
    expect(text).toContain('"additionalProperties":false');
    const root = scenarioJsonSchema() as { required?: string[] };
    expect(root.required).toEqual(['format', 'version', 'name', 'nodes', 'edges']);
  });
});
