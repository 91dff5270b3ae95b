// The zod 4 schema of a lesson file (docs/lessons.md): a lesson (steps with text, a scenario to
// load, tasks checked declaratively) or a challenge (start, constraints, targets, cost). No code runs.
import { z } from 'zod';

// The Content-Security-Policy forbids eval: keep zod from probing `new Function` (as model/schema.ts).
z.config({ jitless: true });

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NO_CONTROLS = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]*$/;
const line = (maxChars: number) => z.string().min(1).max(maxChars).regex(NO_CONTROLS, 'must not contain control characters');

/** Text in both languages: a lesson is taught in English and 中文. */
export const textSchema = z.strictObject({ en: line(2000), zh: line(2000) });

const ID = /^[A-Za-z0-9._-]{1,64}$/;
const id = z.string().regex(ID, 'must be 1 to 64 of the characters A-Z a-z 0-9 . _ -');
/** A gallery example (public/examples/NAME.eventflow.json) or another file of public/lessons/. */
const fileName = z.string().regex(/^(examples|lessons)\/[A-Za-z0-9._-]{1,100}\.json$/, 'must be "examples/NAME.json" or "lessons/NAME.json"');
/** What to load: a file of the app, or a whole scenario written inline (checked like a scenario file). */
const scenarioSource = z.union([fileName, z.record(z.string(), z.unknown())]);
/** A JSON Pointer; in the diagram the segment after /nodes or /edges is an element's id (experiments.md). */
const pointer = z.string().regex(/^(\/[^/]{1,100}){1,8}$/, 'must be a JSON Pointer such as "/nodes/h/concurrency"');

export const opSchema = z.enum(['<', '<=', '>', '>=', '==', '!=']);
const number = z.number().min(-1e12).max(1e12);
const nodeType = z.enum(['publisher', 'topic', 'queue', 'handler']);
/** How a figure is shown in a verdict: name, unit, and whether a ratio reads as a percentage. */
const shown = { name: textSchema.optional(), unit: z.string().max(20).optional(), percent: z.boolean().optional() };

export const checkSchema = z.discriminatedUnion('check', [
  /** a field of the diagram, e.g. /nodes/h/concurrency (default when the file leaves it out) */
  z.strictObject({ check: z.literal('diagram'), pointer, op: opSchema, value: z.union([number, z.string().max(200), z.boolean()]), default: z.union([number, z.string().max(200)]).optional(), ...shown }),
  /** how many nodes of a type (optionally: that the node `from` sends to) */
  z.strictObject({ check: z.literal('count'), nodeType, from: id.optional(), op: opSchema, value: number, ...shown }),
  /** a numeric field summed over every node of a type, e.g. all handler slots */
  z.strictObject({ check: z.literal('sum'), nodeType, field: z.enum(['concurrency', 'capacity', 'partitions', 'keys', 'ttl', 'maxAttempts']), default: number, op: opSchema, value: number, ...shown }),
  /** per-key order is kept at this queue: it has partitions and every publisher sending to it gives keys */
  z.strictObject({ check: z.literal('ordered'), queue: id, ...shown }),
  /** a figure of the finished run's report (for the current diagram), e.g. /latency/publishToDone/p99; `per` divides */
  z.strictObject({ check: z.literal('result'), pointer, per: pointer.optional(), op: opSchema, value: number, ...shown }),
  /** the run of the current diagram reached its end */
  z.strictObject({ check: z.literal('ran') }),
  /** a Step did this (e.g. a handler read a message after waiting ≥ minWaitedMs) */
  z.strictObject({ check: z.literal('stepped'), stepKind: z.enum(['publish', 'arrive', 'read', 'complete', 'fail', 'retry', 'drop', 'expire', 'deadLetter', 'emit', 'block']), node: id.optional(), minWaitedMs: number.optional(), minTimeMs: number.optional() }),
]);

const taskSchema = z.strictObject({ text: textSchema, check: checkSchema });

/** A prediction: a choice, or a number within a tolerance. Answered before the run (predict–observe–explain). */
const questionSchema = z.strictObject({
  text: textSchema,
  choices: z.array(textSchema).min(2).max(6).optional(),
  answer: number,
  tolerance: z.number().min(0).max(1e12).optional(),
  unit: z.string().max(20).optional(),
  explain: textSchema,
});

/** Where to look: a node on the canvas (by id) and/or a tab of the results dock. */
const lookSchema = z.strictObject({
  node: id.optional(),
  tab: z.enum(['results', 'charts', 'messages', 'model', 'theory', 'problems', 'experiments']).optional(),
});

const stepSchema = z.strictObject({
  title: textSchema,
  text: textSchema,
  load: scenarioSource.optional(),
  look: lookSchema.optional(),
  question: questionSchema.optional(),
  tasks: z.array(taskSchema).max(8).optional(),
});

const common = {
  format: z.literal('eventflow-lesson'),
  version: z.literal(1),
  id,
  title: textSchema,
  summary: textSchema,
  minutes: z.int().min(1).max(240).optional(),
};

const costSchema = z.strictObject({
  text: textSchema,
  terms: z.array(z.strictObject({
    nodeType,
    field: z.enum(['concurrency', 'capacity', 'partitions', 'maxAttempts', 'count']),
    default: number.optional(),
    weight: number.optional(),
  })).min(1).max(8),
});

export const lessonFileSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...common, kind: z.literal('lesson'), steps: z.array(stepSchema).min(1).max(40) }),
  z.strictObject({
    ...common,
    kind: z.literal('challenge'),
    start: scenarioSource,
    goal: textSchema,
    /** rules on the diagram (what may be changed): every one must hold */
    constraints: z.array(taskSchema).max(12),
    /** figures graded over replications: the interval's bound must meet the goal */
    targets: z.array(taskSchema.extend({ check: checkSchema.options[4] })).min(1).max(8),
    replications: z.int().min(2).max(200),
    cost: costSchema,
    hint: textSchema.optional(),
  }),
]);

export const lessonIndexSchema = z.strictObject({
  format: z.literal('eventflow-lesson-index'),
  version: z.literal(1),
  lessons: z.array(fileName.or(z.string().regex(/^[A-Za-z0-9._-]{1,100}\.json$/))).max(200),
});
