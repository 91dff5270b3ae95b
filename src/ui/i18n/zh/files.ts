// 中文 strings for the files area; must have exactly the keys of ../en/files.ts.
import type { files as en } from '../en/files';

export const files: Record<keyof typeof en, string> = {
};
