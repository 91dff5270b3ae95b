// Lesson-file validation (every problem by JSON path, inline scenarios checked as scenario files) and
// the shipped files: every lesson and challenge in public/lessons is valid, every challenge fails from
// its start and passes with its reference solution (e2e/fixtures/lessons) over replications.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../model/parse';
import type { Scenario } from '../model/types';
import { gradeChallenge } from './grade';
import { parseLesson, parseLessonIndex, parseLessonText } from './parse';
import { replicate } from './replicate';
import type { Challenge } from './types';

const root = join(__dirname, '..', '..');
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));
const files = parseLessonIndex(readJson('public/lessons/index.json')) ?? [];

const minimal = {
  format: 'eventflow-lesson', version: 1, id: 'l', kind: 'lesson',
  title: { en: 'T', zh: '题' }, summary: { en: 'S', zh: '概' },
  steps: [{ title: { en: 'a', zh: '甲' }, text: { en: 'b', zh: '乙' } }],
};

describe('parseLesson', () => {
  it('accepts a minimal lesson', () => {
    expect(parseLesson(minimal).ok).toBe(true);
  });
  it('lists every problem of a file with mistakes, by JSON path', () => {
    const bad = {
      ...minimal,
      id: 'bad id!',
      title: { en: 'T' },
      steps: [
        { title: { en: 'a', zh: '甲' }, text: { en: 'b', zh: '乙' }, load: '../../etc/passwd',
          tasks: [{ text: { en: 't', zh: '任' }, check: { check: 'result', pointer: 'latency', op: '=<', value: 'x' } }] },
        { title: { en: 'a', zh: '甲' }, text: { en: 'b', zh: '乙' }, colour: 'red',
          question: { text: { en: 'q', zh: '问' }, choices: [{ en: '1', zh: '1' }, { en: '2', zh: '2' }], answer: 5, explain: { en: 'e', zh: '解' } } },
      ],
    };
    const parsed = parseLesson(bad);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const paths = parsed.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining([
      'id', 'title.zh', 'steps[0].load', 'steps[0].tasks[0].check.pointer', 'steps[0].tasks[0].check.op', 'steps[0].tasks[0].check.value', 'steps[1].colour',
    ]));
    expect(parsed.problems.find((p) => p.path === 'steps[1].colour')?.message).toBe('unknown key "colour"');
  });
  it('checks cross-field rules once the shape is right', () => {
    const wrongAnswer = { ...minimal, steps: [{ ...minimal.steps[0], question: { text: { en: 'q', zh: '问' }, choices: [{ en: '1', zh: '1' }, { en: '2', zh: '2' }], answer: 2, explain: { en: 'e', zh: '解' } } }] };
    const parsed = parseLesson(wrongAnswer);
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.text)).toEqual(['steps[0].question.answer: must be the index of a choice, 0 to 1']);
  });
  it('checks an inline scenario as a scenario file', () => {
    const inline = { ...minimal, steps: [{ ...minimal.steps[0], load: { format: 'eventflow-scenario', version: 1, name: 'x', nodes: [{ id: 'h', type: 'handler' }], edges: [] } }] };
    const parsed = parseLesson(inline);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0].text).toMatch(/^steps\[0\]\.load: inline scenario: nodes\[0\] \(h\)\.service: required/);
  });
  it('refuses text that is not a lesson file, naming why', () => {
    expect(parseLessonText('{').ok).toBe(false);
    const scenario = parseLessonText(JSON.stringify({ format: 'eventflow-scenario', version: 1 }));
    expect(scenario.ok ? '' : scenario.problems[0].text).toMatch(/this is a scenario/);
    expect(parseLessonText('').ok).toBe(false);
  });
});

describe('the shipped lessons and challenges', () => {
  it('lists at least 6 lessons and 5 challenges, all valid, with valid scenarios to load', () => {
    const lessons = files.map((file) => {
      const parsed = parseLesson(readJson(`public/lessons/${file}`));
      if (!parsed.ok) throw new Error(`${file}: ${parsed.problems.map((p) => p.text).join('\n')}`);
      return parsed.lesson;
    });
    expect(lessons.filter((l) => l.kind === 'lesson').length).toBeGreaterThanOrEqual(6);
    expect(lessons.filter((l) => l.kind === 'challenge').length).toBeGreaterThanOrEqual(5);
    expect(new Set(lessons.map((l) => l.id)).size).toBe(lessons.length);
    const sources = lessons.flatMap((l) => (l.kind === 'challenge' ? [l.start] : l.steps.map((s) => s.load))).filter((s): s is string => typeof s === 'string');
    for (const source of sources) expect(parseScenario(readJson(`public/${source}`)).ok, source).toBe(true);
  });

  const challenges = files.map((file) => parseLesson(readJson(`public/lessons/${file}`))).flatMap((p) => (p.ok && p.lesson.kind === 'challenge' ? [p.lesson] : []));
  const scenarioAt = (path: string): Scenario => {
    const parsed = parseScenario(readJson(path));
    if (!parsed.ok) throw new Error(path);
    return parsed.scenario;
  };
  const grade = (challenge: Challenge, scenario: Scenario) => gradeChallenge(challenge, scenario, replicate(scenario, challenge.replications), challenge.replications);

  for (const challenge of challenges) {
    it(`${challenge.id}: the start fails, the reference solution passes`, () => {
      const start = scenarioAt(`public/${challenge.start as string}`);
      expect(grade(challenge, start).passed).toBe(false);
      const solved = grade(challenge, scenarioAt(`e2e/fixtures/lessons/${challenge.id}.solution.eventflow.json`));
      expect(solved.targets.filter((t) => !t.passed)).toEqual([]);
      expect(solved.constraints.filter((c) => !c.passed)).toEqual([]);
      expect(solved.passed).toBe(true);
    }, 60_000);
  }
});
