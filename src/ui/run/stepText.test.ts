// Step lines in the article's words, both languages, from the real engine stepping the GreenPool example.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../engine/Simulation';
import type { StepDescription } from '../../engine/types';
import { compile } from '../../model/compile';
import { parseScenario } from '../../model/parse';
import { namesOf } from '../names';
import { describeAfterEnd, describeStep } from './stepText';

function greenPool() {
  const parsed = parseScenario(JSON.parse(readFileSync('public/examples/01-eventlet-greenpool.eventflow.json', 'utf8')));
  if (!parsed.ok) throw new Error('invalid example');
  const input = compile(parsed.scenario);
  return { sim: new Simulation(input), names: namesOf(input.nodes) };
}

describe('describeStep', () => {
  it('narrates GreenPool step by step: published (p), sent, read at once, waits, finished, read after waiting (r), ended', () => {
    const { sim, names } = greenPool();
    const steps: StepDescription[] = [];
    for (let s = sim.step(); s !== null; s = sim.step()) steps.push(s);
    const en = steps.map((s) => describeStep('en', s, names));
    expect(en[0]).toBe('t=0 ms: publish 用户注册 published message #0 (用户注册, p = 0 ms) and sent it to event_handler; then event_handler read message #0 at once (r = 0 ms)');
    expect(en[2]).toBe('t=20 ms: publish 用户注册 published message #2 (用户注册, p = 20 ms) and sent it to event_handler; then message #2 waits at event_handler: every slot is busy');
    expect(en[3]).toBe('t=200 ms: event_handler finished message #0 after 200 ms of service; then event_handler read message #2 after it waited 180 ms (p = 20 ms, r = 200 ms)');
    expect(en[en.length - 1]).toBe('t=400 ms: event_handler finished message #2 after 200 ms of service — this was the last event: the run has ended.');
    expect(steps[steps.length - 1].ended).toBe(true);
    const zh = describeStep('zh', steps[3], names);
    expect(zh).toBe('t=200 毫秒：event_handler 处理完消息 #0，服务用时 200 毫秒；接着event_handler 读取了消息 #2，它等待了 180 毫秒（p = 20 毫秒，r = 200 毫秒）');
  });

  it('uses labels, says why a copy was lost, and what Step says after the end', () => {
    const names = namesOf([{ id: 'q', type: 'queue', label: 'orders' }, { id: 'dlq', type: 'queue', label: 'dead letters' }]);
    const expire: StepDescription = { timeMs: 45, kind: 'deadLetter', nodeId: 'q', messageId: 7, limitMs: 40, reason: 'ttl', sentTo: ['dlq'] };
    expect(describeStep('en', expire, names)).toBe('t=45 ms: nobody read message #7 within the ttl of 40 ms in orders, so it was dead-lettered to dead letters');
    expect(describeStep('en', { timeMs: 5, kind: 'drop', nodeId: 'q', messageId: 3, reason: 'full' }, names)).toBe('t=5 ms: orders is full, so it dropped message #3');
    expect(describeStep('en', { timeMs: 5, kind: 'timer', nodeId: '', messageId: -1 })).toBe('t=5 ms: a timer fired; nothing changed');
    expect(describeAfterEnd('en', 400)).toBe('The run has ended (t=400 ms): there is nothing left to step. Press Reset to start again from 0.');
    expect(describeAfterEnd('zh', 400)).toBe('运行已结束（t=400 毫秒）：没有可单步执行的事件了。按“重置”从 0 重新开始。');
  });
});
