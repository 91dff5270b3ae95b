// The record of distribution kinds (spec: Distributions): each kind's fields, in file order. The zod
// schema, the Distribution type, the editor's shape check and the saved key order come from here.
import * as B from '../bounds';
import { aboveZero, atLeastZero, integer } from './common';
import { list, tagged } from './fields';

export const DISTRIBUTION_KINDS = {
  constant: { value: atLeastZero },
  exponential: { mean: aboveZero },
  uniform: { min: atLeastZero, max: atLeastZero },
  // mean ≥ 0 keeps "a negative draw is drawn again" from looping (almost) forever
  normal: { mean: atLeastZero, sd: atLeastZero },
  lognormal: { mean: aboveZero, sd: atLeastZero },
  erlang: { k: integer(1, B.MAX_ERLANG_K), mean: aboveZero },
  empirical: { values: list(atLeastZero, { min: 1, max: B.MAX_EMPIRICAL_VALUES }) },
} as const;

export const distribution = tagged('kind', DISTRIBUTION_KINDS, {});
