// 引擎安全网（src/engine/budget.ts）在结果面板中的中文文案。
import type { reliability as en } from '../en/reliability';

export const reliability: Record<keyof typeof en, string> = {
  'reliability.stoppedEvents': '运行在 {time} ms 被提前停止：已达到引擎的 {limit} 个事件上限，继续下去会耗时过长。请降低速率或停止时间，或检查是否有环路。',
  'reliability.stoppedCopies': '运行在 {time} ms 被提前停止：同时在途的消息副本超过 {limit} 个（引擎上限），继续下去会无限增长。请检查是否有使副本倍增的环路，或从未被读取的队列。',
};
