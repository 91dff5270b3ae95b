// The record of profiles (architect.md "Traffic that changes over time"): `points` of [time ms, value]
// from time 0, `shape` step (default) or linear, optional `repeat`. The `profile` arrival's rates per
// second, a handler's serviceProfile (multipliers) and failureProfile (failure rates) share this form.
import { z } from 'zod';
import * as B from '../bounds';
import { aboveZero } from './common';
import { isFiniteNumber, list, object, oneOf, optional, type Field } from './fields';

export const PROFILE_SHAPES = ['step', 'linear'] as const;
export const MAX_PROFILE_POINTS = 1000;

const pointSchema = z.tuple([z.number().min(0).max(B.MAX_TIME_MS), z.number().min(0).max(B.MAX_RATE_PER_SECOND)]);
/** [time ms, value]: the editor needs two finite numbers */
const point: Field<typeof pointSchema> = { schema: pointSchema, shape: (v) => Array.isArray(v) && v.length === 2 && v.every(isFiniteNumber) };

export const PROFILE_FIELDS = {
  shape: optional(oneOf(PROFILE_SHAPES)),
  repeat: optional(aboveZero),
  points: list(point, { min: 1, max: MAX_PROFILE_POINTS }),
} as const;

/** a handler's serviceProfile / failureProfile: the same form without `kind` */
export const profile = object(PROFILE_FIELDS);
