// The record of arrival kinds (spec: Arrivals): when a publisher publishes. Schema, type, shape check
// and saved key order come from here.
import * as B from '../bounds';
import { aboveZero, atLeastZero, integer, rate } from './common';
import { distribution } from './distributions';
import { list, tagged } from './fields';
import { PROFILE_FIELDS } from './profiles';

export const ARRIVAL_KINDS = {
  poisson: { ratePerSecond: rate },
  constant: { ratePerSecond: rate },
  interval: { gap: distribution },
  burst: { size: integer(1, B.MAX_BURST_SIZE), every: aboveZero },
  schedule: { times: list(atLeastZero, { max: B.MAX_SCHEDULE_TIMES }) },
  /** architect.md: a Poisson process whose rate per second follows the points (thinning) */
  profile: PROFILE_FIELDS,
} as const;

export const arrival = tagged('kind', ARRIVAL_KINDS, {});
