// The registry of user actions that change the document: every commit() names one of these, and the UI
// has a label for each in English and 中文 (src/ui/i18n/{en,zh}/commands.ts, checked by a test).
export const COMMAND_IDS = [
  'addNode', 'connect', 'delete', 'move', 'paste', 'duplicate', 'layout', 'newScenario', 'settings',
  'editNode', 'editEdge', 'rename', 'fixLimit', 'fixStopAt', 'load', 'reset',
] as const;

export type CommandId = (typeof COMMAND_IDS)[number];
