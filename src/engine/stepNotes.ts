// Turns the notes one Step collected (flow.ts note(), node indices) into the StepDescription the UI
// narrates: the first note, what else the same event did, and the nodes new copies were sent to.
import type { EngineInput, StepDescription, StepNote } from './types';
import type { Kernel, RawStepNote } from './kernel';
import { EventKind } from './codes';

function noteOf(input: EngineInput, raw: RawStepNote): StepNote {
  const note: StepNote = { kind: raw.kind, nodeId: input.nodes[raw.node].id, messageId: raw.id };
  if (raw.from >= 0) note.fromNodeId = input.nodes[raw.from].id;
  if (raw.waitMs >= 0) note.waitedMs = raw.waitMs;
  if (raw.serviceMs >= 0) note.serviceMs = raw.serviceMs;
  if (raw.attempt > 0) note.attempt = raw.attempt;
  if (raw.extraMs > 0) note.limitMs = raw.extraMs;
  if (raw.reason !== '') note.reason = raw.reason;
  return note;
}

/** the description of the event just run; `type`/`a` are the event's code and first argument */
export function describeStepNotes(k: Kernel, type: number, a: number, ended: boolean): StepDescription {
  const input = k.input;
  const notes = k.stepNotes;
  const [first, ...rest] = notes.notes;
  const nodeIndex = first !== undefined ? first.node : type === EventKind.publish || type === EventKind.outageEnd ? a : -1;
  const base: StepNote = first !== undefined ? noteOf(input, first) : { kind: 'timer', nodeId: nodeIndex >= 0 ? input.nodes[nodeIndex].id : '', messageId: -1 };
  // a publish names the first copy made now (none while the message travels to a topic)
  const description: StepDescription = { ...base, timeMs: k.nowMs, messageId: notes.message };
  if (first?.kind === 'publish') {
    // the copies' event type (a topic's when they went through one), else the publisher's
    const node = input.nodes[first.node];
    if (notes.event >= 0) description.event = k.eventNames[notes.event];
    else if (node.type === 'publisher') description.event = node.event;
  }
  const sentTo = [...new Set(notes.sent.map((i) => input.nodes[i].id))];
  if (sentTo.length > 0) description.sentTo = sentTo;
  const then = rest.filter((note) => note.kind !== 'arrive' || input.nodes[note.node].type !== 'topic').map((note) => noteOf(input, note));
  if (then.length > 0) description.then = then;
  if (ended) description.ended = true;
  return description;
}
