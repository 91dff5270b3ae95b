// Strings of the AsyncAPI import dialog in English and 中文, loaded with the dialog (not in the first load).
import type { Language } from '../../store/uiSlice';
import { formatNumber } from '../i18n/translate';

const en = {
  title: 'Import AsyncAPI',
  reading: 'Reading {count} files with the AsyncAPI parser…',
  failed: 'These documents cannot be imported. Nothing was changed.',
  problems: 'Problems',
  mapped: 'Mapped: {counts}.',
  sends: 'Send operations',
  sendsHint: 'AsyncAPI does not say what causes a send. Spontaneous: a publisher sends on its own (its arrival). Reaction: the service sends each time it finishes handling a message.',
  document: 'Service',
  operation: 'Operation',
  event: 'Event',
  mode: 'Sends',
  spontaneous: 'Spontaneous (publisher)',
  reaction: 'Reaction (after handling)',
  fixed: 'only sends: always spontaneous',
  defaults: 'Defaults used ({count})',
  defaultsHint: 'Set these with x-eventflow-* fields in the documents, or edit them after the import.',
  warnings: 'Warnings ({count})',
  cancel: 'Cancel',
  build: 'Build diagram',
  done: 'Imported {name}',
};
type Key = keyof typeof en;

const zh: Record<Key, string> = {
  title: '导入 AsyncAPI',
  reading: '正在用 AsyncAPI 解析器读取 {count} 个文件…',
  failed: '这些文档无法导入，当前内容未作任何改动。',
  problems: '问题',
  mapped: '已映射：{publishers} 个发布者、{topics} 个主题、{queues} 个队列、{handlers} 个处理器、{edges} 条连线。',
  sends: '发送操作',
  sendsHint: 'AsyncAPI 不说明是什么引起发送。自发：由发布者按到达规律自行发送。响应：服务每处理完一条消息就发送一次。',
  document: '服务',
  operation: '操作',
  event: '事件',
  mode: '发送方式',
  spontaneous: '自发（发布者）',
  reaction: '响应（处理之后）',
  fixed: '只发送：总是自发',
  defaults: '使用的默认值（{count}）',
  defaultsHint: '可在文档中用 x-eventflow-* 字段设置，或导入后再修改。',
  warnings: '警告（{count}）',
  cancel: '取消',
  build: '生成图',
  done: '已导入 {name}',
};

export function dialogText(language: Language, key: Key, vars: Record<string, string | number> = {}): string {
  const template = (language === 'zh' ? zh : en)[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : typeof value === 'number' ? formatNumber(language, value, 0) : value;
  });
}
