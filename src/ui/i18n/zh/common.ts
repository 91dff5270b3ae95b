// 中文 strings shared by the whole app; must have exactly the keys of ../en/common.ts.
import type { common as en } from '../en/common';

export const common: Record<keyof typeof en, string> = {
  'app.name': 'EventFlow',
  'app.tagline': '可视化事件流模拟器',
  'language.label': '语言',
  'language.en': 'English',
  'language.zh': '中文',
  'dock.label': '面板',
  'dock.results': '结果',
  'dock.charts': '图表',
  'dock.messages': '消息 (Q)',
  'dock.model': '模型 (E H S Q)',
  'dock.theory': '理论',
  'dock.problems': '问题 ({count})',
  'notice.close': '关闭',
  'notice.dismiss': '忽略',
  'region.canvas': '画布',
  'region.inspector': '检查器',
  'region.results': '结果',
  'region.model': '模型',
  'region.palette': '组件面板',
  'region.runbar': '运行控制',
  'unit.ms': '{value} 毫秒',
  'unit.perSecond': '{value}/秒',
  'unit.percent': '{value} %',
};
