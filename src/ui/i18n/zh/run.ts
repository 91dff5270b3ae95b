// 中文 strings for the run area; must have exactly the keys of ../en/run.ts.
import type { run as en } from '../en/run';

export const run: Record<keyof typeof en, string> = {
};
