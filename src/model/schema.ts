// The zod 4 schema of a scenario file, version 1 (spec: scenario-format.md): types, ranges and
// unknown keys field by field. Rules across fields (ids, edges, windows) live in validate.ts.
import { z } from 'zod';
import * as B from './bounds';
import { experimentSchema } from './experimentSchema';

// The app's Content-Security-Policy forbids eval: keep zod from probing `new Function`.
z.config({ jitless: true });

export const ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
const ID_MESSAGE = `must be 1 to ${B.MAX_ID_CHARS} of the characters A-Z a-z 0-9 . _ -`;

/** Text a file shows (names, labels, events) carries no control characters: they could reach a
 *  terminal or a CSV file as escape sequences. A description may hold tabs and line breaks. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NO_CONTROLS = /^[^\u0000-\u001f\u007f-\u009f]*$/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NO_CONTROLS_BUT_LINES = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]*$/;
const CONTROLS_MESSAGE = 'must not contain control characters';

const id = z.string().min(1).max(B.MAX_ID_CHARS).regex(ID_PATTERN, ID_MESSAGE);
const text = (maxChars: number) => z.string().min(1).max(maxChars).regex(NO_CONTROLS, CONTROLS_MESSAGE);
/** Times and durations, ms: bounded so no sum or square of them overflows. */
const atLeastZero = z.number().min(0).max(B.MAX_TIME_MS);
const aboveZero = z.number().gt(0).max(B.MAX_TIME_MS);
const rate = z.number().gt(0).min(B.MIN_RATE_PER_SECOND).max(B.MAX_RATE_PER_SECOND);
const coordinate = z.number().min(-B.MAX_POSITION).max(B.MAX_POSITION);
const integer = (min: number, max: number) => z.int().min(min).max(max);

export const distributionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('constant'), value: atLeastZero }),
  z.strictObject({ kind: z.literal('exponential'), mean: aboveZero }),
  z.strictObject({ kind: z.literal('uniform'), min: atLeastZero, max: atLeastZero }),
  // mean ≥ 0 keeps "a negative draw is drawn again" from looping (almost) forever
  z.strictObject({ kind: z.literal('normal'), mean: atLeastZero, sd: atLeastZero }),
  z.strictObject({ kind: z.literal('lognormal'), mean: aboveZero, sd: atLeastZero }),
  z.strictObject({ kind: z.literal('erlang'), k: integer(1, B.MAX_ERLANG_K), mean: aboveZero }),
  z.strictObject({ kind: z.literal('empirical'), values: z.array(atLeastZero).min(1).max(B.MAX_EMPIRICAL_VALUES) }),
]);

export const arrivalSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('poisson'), ratePerSecond: rate }),
  z.strictObject({ kind: z.literal('constant'), ratePerSecond: rate }),
  z.strictObject({ kind: z.literal('interval'), gap: distributionSchema }),
  z.strictObject({ kind: z.literal('burst'), size: integer(1, B.MAX_BURST_SIZE), every: aboveZero }),
  z.strictObject({ kind: z.literal('schedule'), times: z.array(atLeastZero).max(B.MAX_SCHEDULE_TIMES) }),
]);

const common = {
  id,
  label: text(B.MAX_LABEL_CHARS).optional(),
  position: z.strictObject({ x: coordinate, y: coordinate }).optional(),
};

const outage = z.strictObject({ start: atLeastZero, end: aboveZero });

export const nodeSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...common,
    type: z.literal('publisher'),
    arrival: arrivalSchema,
    limit: integer(0, B.MAX_PUBLISHED_PER_PUBLISHER).optional(),
    start: atLeastZero.optional(),
    end: aboveZero.optional(),
    event: text(B.MAX_EVENT_CHARS).optional(),
    keys: integer(1, B.MAX_KEYS).optional(),
  }),
  z.strictObject({ ...common, type: z.literal('topic') }),
  z.strictObject({
    ...common,
    type: z.literal('queue'),
    capacity: z.int().min(0).optional(),
    overflow: z.enum(['reject', 'drop-oldest', 'block']).optional(),
    ttl: aboveZero.optional(),
    deadLetter: id.optional(),
    partitions: integer(1, B.MAX_PARTITIONS).optional(),
  }),
  z.strictObject({
    ...common,
    type: z.literal('handler'),
    concurrency: integer(1, B.MAX_CONCURRENCY).optional(),
    service: distributionSchema,
    failureRate: z.number().min(0).lt(1).optional(),
    retry: z.strictObject({ maxAttempts: integer(1, B.MAX_ATTEMPTS), backoff: distributionSchema }).optional(),
    outages: z.array(outage).max(B.MAX_OUTAGES).optional(),
    event: text(B.MAX_EVENT_CHARS).optional(),
  }),
]);

export const edgeSchema = z.strictObject({
  id,
  source: id,
  target: id,
  latency: distributionSchema.optional(),
  probability: z.number().gt(0).max(1).optional(),
});

export const scenarioSchema = z.strictObject({
  format: z.literal('eventflow-scenario'),
  version: z.literal(1),
  name: text(B.MAX_NAME_CHARS),
  description: z.string().max(B.MAX_DESCRIPTION_CHARS).regex(NO_CONTROLS_BUT_LINES, CONTROLS_MESSAGE).optional(),
  seed: integer(0, B.MAX_SEED).optional(),
  stopAt: aboveZero.optional(),
  warmup: atLeastZero.optional(),
  nodes: z.array(nodeSchema).max(B.MAX_NODES),
  edges: z.array(edgeSchema).max(B.MAX_EDGES),
  experiment: experimentSchema.optional(),
});
