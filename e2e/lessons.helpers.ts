// Helpers for the lesson journeys: the shipped lesson files, names in either language (from the app's own
// dictionaries), and a walker that does what each step asks (load, predict, step, change a field, run).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { translate, type MessageKey } from '../src/ui/i18n/translate';
import type { Check, Lesson, LessonFile, LessonStep } from '../src/lessons/types';

export type Lang = 'en' | 'zh';

const root = process.cwd();
export const readJson = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));
const index = readJson('public/lessons/index.json') as { lessons: string[] };
export const shipped: LessonFile[] = index.lessons.map((file) => readJson(`public/lessons/${file}`) as LessonFile);

export const tr = (lang: Lang, key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars);
export const pick = (text: { en: string; zh: string }, lang: Lang) => text[lang];

export const lessonRegion = (page: Page, lang: Lang) => page.getByRole('region', { name: tr(lang, 'lessons.region'), exact: true });

/** Opens the dialog and starts the lesson or challenge by its listitem. */
export async function startFromDialog(page: Page, lang: Lang, lesson: LessonFile): Promise<void> {
  await page.getByRole('button', { name: tr(lang, 'lessons.button'), exact: true }).click();
  const dialog = page.getByRole('dialog', { name: tr(lang, 'lessons.dialog') });
  await expect(dialog).toBeVisible();
  const item = dialog.getByRole('listitem').filter({ hasText: pick(lesson.title, lang) });
  if (lesson.kind === 'challenge') await expect(item).toContainText(tr(lang, 'lessons.challenge'));
  await item.getByRole('button').click();
  await expect(dialog).toBeHidden();
  await expect(lessonRegion(page, lang).getByRole('heading', { level: 2 })).toHaveText(pick(lesson.title, lang));
}

export async function runToEnd(page: Page, lang: Lang): Promise<void> {
  await page.getByRole('button', { name: tr(lang, 'run.runToEnd'), exact: true }).click();
  await expect(page.getByRole('region', { name: tr(lang, 'region.results'), exact: true }).getByRole('button', { name: tr(lang, 'run.results.exportReport') })).toBeVisible({ timeout: 45_000 });
}

const inspector = (page: Page, lang: Lang) => page.getByRole('region', { name: tr(lang, 'region.inspector'), exact: true });

/** The inspector field a diagram pointer names (the fields lessons ask students to change). */
function fieldFor(page: Page, lang: Lang, pointer: string): Locator {
  const field = pointer.split('/').slice(3).join('/');
  const panel = inspector(page, lang);
  switch (field) {
    case 'concurrency': return panel.getByLabel(tr(lang, 'editor.field.concurrency'));
    case 'capacity': return panel.getByLabel(tr(lang, 'editor.field.capacity'));
    case 'ttl': return panel.getByLabel(tr(lang, 'editor.field.ttl'));
    case 'retry/maxAttempts': return panel.getByLabel(tr(lang, 'editor.field.maxAttempts'));
    case 'service/mean': return panel.getByRole('group', { name: tr(lang, 'editor.field.service') }).getByLabel(tr(lang, 'editor.dist.mean'));
    default: throw new Error(`the walker cannot set ${pointer}`);
  }
}

/** The value a task asks for: the goal itself, or the whole number inside an "at most" goal. */
const wanted = (check: Extract<Check, { check: 'diagram' }>) => (check.op === '<=' || check.op === '<' ? Math.floor(Number(check.value)) : Number(check.value));

async function taskItem(region: Locator, lang: Lang, text: { en: string; zh: string }): Promise<Locator> {
  return region.getByRole('listitem').filter({ hasText: pick(text, lang) }).first();
}

/** Does what one step asks: load, predict, step, change fields, run; then Check must say Passed. */
export async function walkStep(page: Page, lang: Lang, step: LessonStep): Promise<void> {
  const region = lessonRegion(page, lang);
  await expect(region.getByRole('heading', { level: 3 })).toHaveText(pick(step.title, lang));
  if (step.load !== undefined) {
    await region.getByRole('button', { name: /^(Load|加载)/ }).click();
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
  }
  if (step.question) {
    const q = step.question;
    if (q.choices) await region.getByRole('button', { name: pick(q.choices[q.answer], lang), exact: true }).click();
    else {
      await region.getByLabel(tr(lang, 'lessons.yourAnswer')).fill(String(q.answer));
      await region.getByRole('button', { name: tr(lang, 'lessons.answer'), exact: true }).click();
    }
    await expect(region).toContainText(tr(lang, 'lessons.answer.right'));
  }
  let needsRun = false;
  for (const task of step.tasks ?? []) {
    const item = await taskItem(region, lang, task.text);
    const check = task.check;
    if (check.check === 'diagram' && !(await item.evaluate((el) => el.classList.contains('is-done')))) {
      if (check.pointer === '/seed') {
        await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
        await inspector(page, lang).getByLabel(tr(lang, 'editor.field.seed')).fill(String(check.value));
      } else {
        await region.getByRole('button', { name: tr(lang, 'lessons.lookAt') }).click();
        await fieldFor(page, lang, check.pointer).fill(String(wanted(check)));
      }
      await expect(item).toHaveClass(/is-done/);
    }
    if (check.check === 'stepped') {
      for (let i = 0; i < 40 && !(await item.evaluate((el) => el.classList.contains('is-done'))); i += 1) {
        const stepButton = page.getByRole('button', { name: tr(lang, 'run.step'), exact: true });
        await expect(stepButton).toBeEnabled();
        await stepButton.click();
      }
      await expect(item).toHaveClass(/is-done/);
    }
    if (check.check === 'ran' || check.check === 'result') needsRun = true;
  }
  if (needsRun) await runToEnd(page, lang);
  for (const task of step.tasks ?? []) await expect(await taskItem(region, lang, task.text)).toHaveClass(/is-done/);
  await region.getByRole('button', { name: tr(lang, 'lessons.check'), exact: true }).click();
  await expect(region.getByRole('status').filter({ hasText: tr(lang, 'lessons.passed') })).toBeVisible();
}

/** Walks a lesson from its first step to "Lesson complete". */
export async function walkLesson(page: Page, lang: Lang, lesson: Lesson, onStep?: (index: number) => Promise<void>): Promise<void> {
  const region = lessonRegion(page, lang);
  for (const [i, step] of lesson.steps.entries()) {
    await expect(region).toContainText(tr(lang, 'lessons.stepOf', { step: i + 1, total: lesson.steps.length }));
    await walkStep(page, lang, step);
    await onStep?.(i);
    const last = i === lesson.steps.length - 1;
    await region.getByRole('button', { name: tr(lang, last ? 'lessons.finish' : 'lessons.next'), exact: true }).click();
  }
  await expect(region.getByRole('heading', { name: tr(lang, 'lessons.complete') })).toBeVisible();
}
