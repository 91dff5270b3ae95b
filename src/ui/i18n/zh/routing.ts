// 路由的中文文案（architect.md“路由：全部，或恰好一条”）：检查器的路由、权重、发送时机字段和画布上的“择一”标记。
import type { routing as en } from '../en/routing';

export const routing: Record<keyof typeof en, string> = {
  'routing.route': '路由',
  'routing.route.all': '全部：每条出连接都发送',
  'routing.route.one': '择一：按权重恰好选一条连接',
  'routing.routeHint': '选“择一”时，每条消息只沿一条出连接发送；各连接的权重决定机会大小。',
  'routing.weight': '权重',
  'routing.weightHint': '此连接在选择中的份额：权重 ÷ 权重之和（当前 {percent}%）。',
  'routing.when': '发送时机',
  'routing.when.success': '尝试成功时',
  'routing.when.failure': '最后一次尝试失败时（补偿、告警）',
  'routing.whenHint': '失败连接在副本用尽尝试次数时发出一条新消息；该副本仍照常进入死信或记为失败。',
  'routing.oneOfMark': '择一',
  'routing.oneOfTitle': '每条消息按权重只沿一条出连接发送',
  'routing.failureLabel': '失败时',
  'routing.weightLabel': '权重 {weight}',
};
