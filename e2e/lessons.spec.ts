// Lessons and challenges (issue 11): every lesson walked to its end and every challenge checked on its
// start ("Not yet") and on a reference solution ("Passed", with a share link). The first lesson and the first
// challenge run in English and 中文 (screenshots, axe); the others alternate languages, so both are covered
// without walking everything twice (the walk's checks do not depend on the language);
// progress kept across a reload; a lesson file with mistakes refused with every problem; axe clean.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Challenge, Lesson } from '../src/lessons/types';
import { openApp } from './qa.helpers';
import { lessonRegion, pick, shipped, startFromDialog, tr, walkLesson, walkStep, type Lang } from './lessons.helpers';

if (process.env.PW_BASE_URL) test.use({ baseURL: process.env.PW_BASE_URL });

const lessons = shipped.filter((l): l is Lesson => l.kind === 'lesson');
const challenges = shipped.filter((l): l is Challenge => l.kind === 'challenge');
const SHOTS = '/tmp/lessons';
/** the languages a lesson or challenge is walked in: both for the first of each kind, else alternating */
const languagesOf = (index: number): readonly Lang[] => (index === 0 ? ['en', 'zh'] : [index % 2 === 1 ? 'zh' : 'en']);

async function axeSerious(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)} ${n.failureSummary?.slice(0, 200) ?? ''}`).join(', ')}`);
}

/** Picks a file with the dialog's "Open a lesson file…" or the top bar's Import, like a user does. */
async function chooseFile(page: Page, button: ReturnType<Page['getByRole']>, name: string, content: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.click()]);
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
}

test.describe.configure({ timeout: 240_000 });

for (const lang of ['en', 'zh'] as const satisfies readonly Lang[]) {
  test.describe(`lessons (${lang})`, () => {
    for (const lesson of lessons.filter((_, i) => languagesOf(i).includes(lang))) {
      test(`walks “${lesson.title.en}” to its end`, async ({ page }) => {
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await openApp(page, undefined, lang);
        await startFromDialog(page, lang, lesson);
        await walkLesson(page, lang, lesson, async (i) => {
          if (i === 0 && lesson.id === 'greenpool-ehsq') await page.screenshot({ path: `${SHOTS}/lesson-step-${lang}.png` });
          if (i === 4 && lesson.id === 'greenpool-ehsq') {
            await page.screenshot({ path: `${SHOTS}/lesson-greenpool-results-${lang}.png` });
            if (lang === 'en') expect(await axeSerious(page)).toEqual([]);
          }
        });
        if (lesson.id === 'greenpool-ehsq') await page.screenshot({ path: `${SHOTS}/lesson-complete-${lang}.png` });
        expect(errors).toEqual([]);
      });
    }

    for (const challenge of challenges.filter((_, i) => languagesOf(i).includes(lang))) {
      test(`challenge “${challenge.title.en}”: Not yet on its start, Passed on a reference solution`, async ({ page }) => {
        await openApp(page, undefined, lang);
        await startFromDialog(page, lang, challenge);
        const region = lessonRegion(page, lang);
        await expect(page.locator('.react-flow__node').first()).toBeVisible();
        // 中文: the start scenario's labels come from its x-gallery, as the examples' do
        if (challenge.id === 'challenge-800') await expect(page.locator('.react-flow__node', { hasText: lang === 'zh' ? '订单处理器' : 'order handler' })).toBeVisible();
        await region.getByRole('button', { name: tr(lang, 'lessons.check'), exact: true }).click();
        const verdict = region.getByRole('status').filter({ hasText: tr(lang, 'lessons.notYet', { reason: '' }).trim() });
        await expect(verdict).toBeVisible({ timeout: 60_000 });
        if (challenge.id === 'challenge-800') await page.screenshot({ path: `${SHOTS}/challenge-notyet-${lang}.png` });
        // a second miss shows the hint
        await region.getByRole('button', { name: tr(lang, 'lessons.check'), exact: true }).click();
        await expect(region.getByText(pick(challenge.hint!, lang))).toBeVisible({ timeout: 60_000 });
        // the reference solution, imported as a file; the challenge stays open
        const solution = readFileSync(join(process.cwd(), 'e2e', 'fixtures', 'lessons', `${challenge.id}.solution.eventflow.json`), 'utf8');
        await chooseFile(page, page.getByRole('button', { name: tr(lang, 'files.import'), exact: true }), 'solution.eventflow.json', solution);
        // either the Replace question comes first, or the file opens at once: wait for one of them, never guess
        const replace = page.getByRole('dialog').getByRole('button', { name: /^(Replace|替换)/ });
        const opened = page.getByText(tr(lang, 'files.import.done', { name: (JSON.parse(solution) as { name: string }).name }));
        await expect(replace.or(opened)).toBeVisible();
        if (await replace.isVisible()) await replace.click();
        await expect(opened).toBeVisible();
        await region.getByRole('button', { name: tr(lang, 'lessons.check'), exact: true }).click();
        await expect(region.getByRole('status').filter({ hasText: tr(lang, 'lessons.passed') })).toBeVisible({ timeout: 90_000 });
        const link = region.getByRole('link', { name: tr(lang, 'lessons.solutionLink') });
        await expect(link).toHaveAttribute('href', /#s=/);
        if (challenge.id === 'challenge-800') {
          await page.screenshot({ path: `${SHOTS}/challenge-passed-${lang}.png` });
          // axe judges the challenge result, not the import's success toast (the shared toast's own contrast is not ours)
          await expect(page.locator('.toast')).toHaveCount(0);
          expect(await axeSerious(page)).toEqual([]);
        }
      });
    }
  });
}

test('the dialog lists every lesson and challenge, keeps progress across a reload, and is axe clean', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Lessons and challenges' });
  await expect(dialog.getByRole('listitem')).toHaveCount(lessons.length + challenges.length);
  await expect(dialog.getByRole('list', { name: tr('en', 'lessons.section.challenges') }).getByRole('listitem')).toHaveCount(challenges.length);
  await expect(dialog.getByRole('list', { name: tr('en', 'lessons.section.lessons') }).getByRole('listitem')).toHaveCount(lessons.length);
  await page.screenshot({ path: `${SHOTS}/dialog-en.png` });
  expect(await axeSerious(page)).toEqual([]);
  await page.keyboard.press('Escape');
  // two steps into the GreenPool lesson, then reload: the dialog offers to continue at step 2
  const greenpool = lessons[0];
  await startFromDialog(page, 'en', greenpool);
  await walkStep(page, 'en', greenpool.steps[0]);
  await lessonRegion(page, 'en').getByRole('button', { name: 'Next', exact: true }).click();
  await expect(lessonRegion(page, 'en')).toContainText(`Step 2 of ${greenpool.steps.length}`);
  await page.reload();
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  const item = page.getByRole('dialog').getByRole('listitem').filter({ hasText: greenpool.title.en });
  await expect(item).toContainText(`Step 2 of ${greenpool.steps.length}`);
  await item.getByRole('button', { name: /^Continue/ }).click();
  await expect(lessonRegion(page, 'en')).toContainText(`Step 2 of ${greenpool.steps.length}`);
  await expect(lessonRegion(page, 'en').getByRole('button', { name: 'Back', exact: true })).toBeEnabled();
  await expect(lessonRegion(page, 'en').getByRole('button', { name: 'Next', exact: true })).toBeDisabled();
});

test('a lesson file with mistakes is refused with every problem listed and the app is unchanged; a good one opens', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  const bad = {
    format: 'eventflow-lesson', version: 1, id: 'bad id', kind: 'lesson', title: { en: 'Broken' }, summary: { en: 's', zh: '概' },
    steps: [{ title: { en: 'a', zh: '甲' }, text: { en: 'b', zh: '乙' }, tasks: [{ text: { en: 't', zh: '任' }, check: { check: 'eval', code: 'alert(1)' } }] }],
  };
  await chooseFile(page, page.getByRole('button', { name: 'Open a lesson file…' }), 'broken.json', JSON.stringify(bad));
  const alert = page.getByRole('alertdialog');
  await expect(alert).toContainText('Cannot open the lesson file “broken.json”');
  for (const line of ['id: must be 1 to 64', 'title.zh: required', 'steps[0].tasks[0].check.check: must be one of']) await expect(alert).toContainText(line);
  await page.screenshot({ path: `${SHOTS}/lesson-file-refused.png` });
  await alert.getByRole('button').first().click();
  await expect(lessonRegion(page, 'en')).toHaveCount(0);
  // a teacher's own lesson with an inline scenario opens and starts
  const good = {
    format: 'eventflow-lesson', version: 1, id: 'teacher-1', kind: 'lesson', title: { en: 'My first queue', zh: '我的第一个队列' }, summary: { en: 'A teacher’s lesson', zh: '老师写的课' },
    steps: [{ title: { en: 'Run it', zh: '运行' }, text: { en: 'Run to the end.', zh: '运行到结束。' },
      load: { format: 'eventflow-scenario', version: 1, name: 'Tiny', stopAt: 1000, nodes: [{ id: 'p', type: 'publisher', arrival: { kind: 'constant', ratePerSecond: 10 } }, { id: 'h', type: 'handler', service: { kind: 'constant', value: 5 } }], edges: [{ id: 'e', source: 'p', target: 'h' }] },
      tasks: [{ text: { en: 'Run to the end', zh: '运行到结束' }, check: { check: 'ran' } }] }],
  };
  if (!(await page.getByRole('dialog', { name: 'Lessons and challenges' }).isVisible())) await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await chooseFile(page, page.getByRole('button', { name: 'Open a lesson file…' }), 'mine.json', JSON.stringify(good));
  await expect(lessonRegion(page, 'en').getByRole('heading', { level: 2 })).toHaveText('My first queue');
  await walkLesson(page, 'en', good as unknown as Lesson);
});
