// Reads a scenario file: JSON text or a parsed value -> a valid, migrated Scenario or every problem.
// STUB: owned by the model work (validation with zod, migrations); replace wholesale.
import type { ParseResult } from './types';

export function parseScenario(value: unknown): ParseResult {
  return { ok: true, scenario: value as never };
}

export function parseScenarioText(text: string): ParseResult {
  try {
    return parseScenario(JSON.parse(text));
  } catch (error) {
    const message = `not valid JSON (${(error as Error).message})`;
    return { ok: false, problems: [{ path: '$', message, text: `$: ${message}` }] };
  }
}
