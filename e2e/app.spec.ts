// The shell: the page opens with every main region and control a user (or screen reader) looks for.
import { expect, test } from '@playwright/test';

test('opens with the canvas, inspector, results, model and language controls', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Canvas' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Inspector' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Results' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Model' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Language' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('switching to 中文 translates the shell and is remembered after a reload', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
  await expect(page.getByRole('region', { name: '画布' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('combobox', { name: '语言' })).toHaveValue('zh');
});
