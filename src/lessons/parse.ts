// Reads a lesson file: JSON text or a parsed value -> a valid LessonFile, or every problem at once,
// each with its JSON path (like scenario files). Inline scenarios are checked as scenario files.
import { issuesToProblems } from '../model/issues';
import { parseScenario } from '../model/parse';
import { finishProblems, printable, type Path, type RawProblem } from '../model/problems';
import { toPlainJson } from '../model/plain';
import type { Problem } from '../model/types';
import { lessonFileSchema, lessonIndexSchema } from './schema';
import type { LessonFile, ScenarioSource } from './types';

export type LessonParseResult = { ok: true; lesson: LessonFile } | { ok: false; problems: Problem[] };

/** Largest lesson file accepted, in UTF-16 code units. */
export const MAX_LESSON_CHARS = 2 * 1024 * 1024;
const FORMAT = 'eventflow-lesson';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An inline scenario's problems, re-rooted under `at` (e.g. steps[2].load.nodes[0].id). */
function scenarioProblems(source: ScenarioSource | undefined, at: Path): RawProblem[] {
  if (source === undefined || typeof source === 'string') return [];
  const parsed = parseScenario(source);
  if (parsed.ok) return [];
  return parsed.problems.map((problem) => ({ path: at, message: `inline scenario: ${problem.text}` }));
}

/** Rules across fields that the schema cannot say. */
function crossProblems(lesson: LessonFile): RawProblem[] {
  const raws: RawProblem[] = [];
  if (lesson.kind === 'challenge') {
    raws.push(...scenarioProblems(lesson.start, ['start']));
    return raws;
  }
  lesson.steps.forEach((step, i) => {
    raws.push(...scenarioProblems(step.load, ['steps', i, 'load']));
    const question = step.question;
    if (question?.choices) {
      const last = question.choices.length - 1;
      if (!Number.isInteger(question.answer) || question.answer < 0 || question.answer > last) {
        raws.push({ path: ['steps', i, 'question', 'answer'], message: `must be the index of a choice, 0 to ${last}` });
      }
      if (question.tolerance !== undefined) raws.push({ path: ['steps', i, 'question', 'tolerance'], message: 'only a number question (without choices) has a tolerance' });
    }
  });
  return raws;
}

function fail(doc: unknown, raws: RawProblem[]): LessonParseResult {
  return { ok: false, problems: finishProblems(doc, raws) };
}

/** Validates an already parsed value (a fetched file, a link's payload). Never throws. */
export function parseLesson(value: unknown): LessonParseResult {
  try {
    const plain = toPlainJson(value);
    if (plain.fatal) return fail(value, plain.problems);
    const doc = plain.bare;
    if (!isRecord(doc)) return fail(doc, [{ path: [], message: `not an EventFlow lesson file (expected a JSON object with "format": "${FORMAT}")` }]);
    if (doc.format !== FORMAT) {
      const message = doc.format === 'eventflow-scenario'
        ? 'not a lesson file: this is a scenario (open it with Import in the top bar)'
        : `not an EventFlow lesson file (format must be "${FORMAT}")`;
      return fail(doc, [{ path: ['format'], message }]);
    }
    const checked = lessonFileSchema.safeParse(doc);
    if (!checked.success) return fail(doc, [...plain.problems, ...issuesToProblems(checked.error.issues, doc)]);
    const raws = [...plain.problems, ...crossProblems(checked.data)];
    if (raws.length > 0) return fail(doc, raws);
    return { ok: true, lesson: checked.data };
  } catch (error) {
    const message = printable(`could not be read (${error instanceof Error ? error.message : String(error)})`.slice(0, 300));
    return { ok: false, problems: [{ path: '$', message, text: `$: ${message}` }] };
  }
}

/** Reads a lesson file's text: size, JSON syntax, then parseLesson. */
export function parseLessonText(text: string): LessonParseResult {
  const problem = (message: string): LessonParseResult => ({ ok: false, problems: [{ path: '$', message, text: `$: ${message}` }] });
  if (text.length > MAX_LESSON_CHARS) return problem(`too large (at most ${MAX_LESSON_CHARS / 1048576} MB)`);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return problem('the file is empty');
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return problem(`not valid JSON (${(error instanceof Error ? error.message : String(error)).slice(0, 120)})`);
  }
  return parseLesson(value);
}

/** The list of lesson files in public/lessons/index.json; null when it is not one. */
export function parseLessonIndex(value: unknown): string[] | null {
  const checked = lessonIndexSchema.safeParse(value);
  return checked.success ? checked.data.lessons : null;
}
