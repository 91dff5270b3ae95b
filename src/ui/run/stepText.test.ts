// Step lines in words, both languages.
import { describe, expect, it } from 'vitest';
import { describeStep } from './stepText';

describe('describeStep', () => {
  it('says what a read did, with the queue and the wait', () => {
    const step = { timeMs: 12.4, kind: 'read' as const, nodeId: 'mailer', messageId: 57, fromNodeId: 'signups', waitedMs: 3.1 };
    expect(describeStep('en', step)).toBe('t=12.4 ms: handler mailer read message #57 from signups (waited 3.1 ms)');
    expect(describeStep('zh', step)).toBe('t=12.4 毫秒：处理器 mailer 从 signups 读取了消息 #57（等待了 3.1 毫秒）');
  });
  it('a timer with no message says nothing changed', () => {
    expect(describeStep('en', { timeMs: 5, kind: 'expire', nodeId: '', messageId: -1 })).toBe('t=5 ms: a timer fired; nothing changed');
  });
});
