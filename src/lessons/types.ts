// Types of a lesson file (docs/lessons.md), inferred from the zod schema so they never drift apart.
import type { z } from 'zod';
import type { checkSchema, lessonFileSchema, opSchema, textSchema } from './schema';

export type LessonText = z.infer<typeof textSchema>;
export type Op = z.infer<typeof opSchema>;
export type Check = z.infer<typeof checkSchema>;
export type LessonFile = z.infer<typeof lessonFileSchema>;
export type Lesson = Extract<LessonFile, { kind: 'lesson' }>;
export type Challenge = Extract<LessonFile, { kind: 'challenge' }>;
export type LessonStep = Lesson['steps'][number];
export type Task = NonNullable<LessonStep['tasks']>[number];
export type ResultCheck = Extract<Check, { check: 'result' }>;
export type ScenarioSource = string | Record<string, unknown>;
