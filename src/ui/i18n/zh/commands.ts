// Labels of the document commands (src/store/commandIds.ts), 中文.
import type { commands as en } from '../en/commands';

export const commands: Record<keyof typeof en, string> = {
  'command.addNode': '添加节点',
  'command.connect': '连接',
  'command.delete': '删除',
  'command.move': '移动',
  'command.paste': '粘贴',
  'command.duplicate': '复制',
  'command.layout': '自动排列',
  'command.newScenario': '新建场景',
  'command.settings': '修改场景设置',
  'command.editNode': '编辑节点',
  'command.editEdge': '编辑连接',
  'command.rename': '重命名节点',
  'command.fixLimit': '给发布者设置上限',
  'command.fixStopAt': '设置停止时间',
  'command.load': '打开场景',
  'command.reset': '恢复自动保存',
};
