// A Step's StepDescription in words, in the current language (e.g. "t=12.4 ms: handler mailer read message #57 from signups (waited 3.1 ms)").
import type { StepDescription } from '../../engine/types';
import type { Language } from '../../store/uiSlice';
import { formatNumber, translate, type MessageKey } from '../i18n';

export function describeStep(language: Language, step: StepDescription): string {
  const vars = {
    time: formatNumber(language, step.timeMs, 3),
    node: step.nodeId,
    id: String(step.messageId),
    from: step.fromNodeId ?? '',
    waited: formatNumber(language, step.waitedMs ?? 0, 3),
  };
  if (step.messageId < 0 || step.nodeId === '') return translate(language, 'run.step.idle', vars);
  const key: MessageKey = step.kind === 'read' && !step.fromNodeId ? 'run.step.readDirect' : `run.step.${step.kind}`;
  return translate(language, key, vars);
}
