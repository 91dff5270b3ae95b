// 中文：AsyncAPI 导出菜单项（对话框的文字在 asyncapiDialog.ts，随对话框按需加载）。
import type { asyncapi as en } from '../en/asyncapi';

export const asyncapi: Record<keyof typeof en, string> = {
  'asyncapi.export': 'AsyncAPI 3（zip）',
  'asyncapi.exported': '已导出 {name}',
};
