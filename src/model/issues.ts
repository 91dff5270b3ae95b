// Turns zod issues into short plain-English problems ("must be greater than 0", "required",
// `unknown key "foo"`), one per JSON path, reading the document to tell "missing" from "wrong".
import type { z } from 'zod';
import { valueAt, type Path, type PathSegment, type RawProblem } from './problems';

type Issue = z.core.$ZodIssue;

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  int: 'an integer',
  string: 'text (a string)',
  object: 'an object',
  array: 'a list (an array)',
  boolean: 'true or false',
};

const quoteAll = (values: readonly unknown[]): string => values.map((value) => JSON.stringify(value)).join(', ');

function oneOf(values: readonly unknown[]): string {
  return values.length === 1 ? `must be ${quoteAll(values)}` : `must be one of ${quoteAll(values)}`;
}

function tooSmall(issue: Extract<Issue, { code: 'too_small' }>): string {
  const minimum = Number(issue.minimum);
  if (issue.origin === 'string') return minimum <= 1 ? 'must not be empty' : `must be at least ${minimum} characters`;
  if (issue.origin === 'array') return minimum <= 1 ? 'must not be empty' : `must have at least ${minimum} items`;
  return issue.inclusive === false ? `must be greater than ${minimum}` : `must be at least ${minimum}`;
}

function tooBig(issue: Extract<Issue, { code: 'too_big' }>): string {
  const maximum = Number(issue.maximum);
  if (issue.origin === 'string') return `must be at most ${maximum} characters`;
  if (issue.origin === 'array') return `must have at most ${maximum} items`;
  return issue.inclusive === false ? `must be less than ${maximum}` : `must be at most ${maximum}`;
}

function describe(issue: Issue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return 'required';
      if (issue.expected === 'int' && typeof input === 'number') return 'must be an integer';
      if (issue.expected === 'number' && typeof input === 'number') return 'must be a finite number';
      return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return tooSmall(issue);
    case 'too_big':
      return tooBig(issue);
    case 'invalid_value':
      return input === undefined ? 'required' : oneOf(issue.values);
    case 'invalid_union':
      if (input === undefined) return 'required';
      if ('options' in issue && Array.isArray(issue.options)) return oneOf(issue.options);
      return 'does not match any allowed form';
    default:
      return issue.message;
  }
}

/** The problems of a zod run over `doc`: the first issue of each path, unknown keys one by one. */
export function issuesToProblems(issues: readonly Issue[], doc: unknown): RawProblem[] {
  const problems: RawProblem[] = [];
  const seenPaths = new Set<string>();
  const add = (path: Path, message: string): void => {
    const key = JSON.stringify(path);
    if (seenPaths.has(key)) return;
    seenPaths.add(key);
    problems.push({ path, message });
  };
  const pathOf = (issue: Issue): Path => issue.path.filter((segment): segment is PathSegment => typeof segment !== 'symbol');
  const issuesAt = new Map<string, number>();
  for (const issue of issues) {
    const key = JSON.stringify(pathOf(issue));
    issuesAt.set(key, (issuesAt.get(key) ?? 0) + 1);
  }
  for (const issue of issues) {
    const path = pathOf(issue);
    // z.int() first reports the safe-integer range; a field's own range (e.g. seed ≤ 2^32−1) says more
    const safeRange = (issue.code === 'too_big' || issue.code === 'too_small') && issue.origin === 'int';
    if (safeRange && (issuesAt.get(JSON.stringify(path)) ?? 0) > 1) continue;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add([...path, key], `unknown key ${JSON.stringify(key)}`);
      continue;
    }
    add(path, describe(issue, valueAt(doc, path)));
  }
  return problems;
}
