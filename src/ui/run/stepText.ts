// A Step's StepDescription in the article's words, in the current language: published (p), sent to, read
// after waiting N ms (r), finished after N ms of service, lost and why, and that the run ended.
import type { StepDescription, StepNote } from '../../engine/types';
import type { Language } from '../../store/uiSlice';
import { formatNumber, translate, type MessageKey, type MessageVars } from '../i18n';
import { namesOf, type Names } from '../names';

const plain = namesOf([]);

function sentence(language: Language, note: StepNote, step: StepDescription, names: Names, first: boolean): string {
  const ms = (value: number | undefined) => formatNumber(language, value ?? 0, 3);
  const targets = (step.sentTo ?? []).map(names.name).join(translate(language, 'see.step.and'));
  const vars: MessageVars = {
    node: names.name(note.nodeId),
    id: String(note.messageId),
    from: note.fromNodeId ? names.name(note.fromNodeId) : '',
    time: ms(step.timeMs),
    r: ms(step.timeMs),
    waited: ms(note.waitedMs),
    p: ms(step.timeMs - (note.waitedMs ?? 0)),
    service: ms(note.serviceMs),
    attempt: String(note.attempt ?? 1),
    limit: ms(note.limitMs),
    event: step.event ?? '',
    targets,
  };
  const say = (key: MessageKey) => translate(language, key, vars);
  const sent = first && targets !== '';
  switch (note.kind) {
    case 'publish':
      if (!sent || step.messageId < 0) return say('see.step.publishTravel');
      vars.id = String(step.messageId);
      return say((step.sentTo?.length ?? 0) > 1 ? 'see.step.publishMany' : 'see.step.publish');
    case 'arrive': {
      const type = names.type(note.nodeId);
      if (type === 'topic') return say('see.step.arriveTopic');
      return say(type === 'handler' ? 'see.step.arriveHandler' : 'see.step.arriveQueue');
    }
    case 'read':
      if ((note.attempt ?? 1) > 1) return say('see.step.readAgain');
      if ((note.waitedMs ?? 0) === 0) return say('see.step.readAtOnce');
      return say(note.fromNodeId ? 'see.step.read' : 'see.step.readDirect');
    case 'complete':
      return say(sent ? 'see.step.completeSent' : 'see.step.complete');
    case 'retry':
      return say(note.reason === 'back' ? 'see.step.retryBack' : 'see.step.retryFailed');
    case 'fail':
      return say('see.step.fail');
    case 'drop':
      return say(note.reason === 'oldest' ? 'see.step.dropOldest' : note.reason === 'noRoom' ? 'see.step.dropNoRoom' : 'see.step.dropFull');
    case 'expire':
      return say('see.step.expire');
    case 'deadLetter':
      return say(note.reason === 'retries' ? 'see.step.deadLetterRetries' : 'see.step.deadLetterTtl');
    case 'block':
      return say('see.step.block');
    default:
      return say(note.nodeId !== '' ? 'see.step.timerAt' : 'see.step.timer');
  }
}

/** the whole Step line: "t=… ms: what happened; then …" plus "the run has ended" after the last event */
export function describeStep(language: Language, step: StepDescription, names: Names = plain): string {
  const parts = [sentence(language, step, step, names, true), ...(step.then ?? []).map((note) => sentence(language, note, step, names, false))];
  const text = translate(language, 'see.step.at', { time: formatNumber(language, step.timeMs, 3), text: parts.join(translate(language, 'see.step.then')) });
  return step.ended ? text + translate(language, 'see.step.ended') : text;
}

/** what Step says once the run is over (it does not start again by itself) */
export function describeAfterEnd(language: Language, endMs: number): string {
  return translate(language, 'see.step.afterEnd', { time: formatNumber(language, endMs, 3) });
}
