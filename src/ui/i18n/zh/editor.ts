// 中文 strings for the editor area; must have exactly the keys of ../en/editor.ts.
import type { editor as en } from '../en/editor';

export const editor: Record<keyof typeof en, string> = {
};
