// English strings for motion on the canvas and classroom hygiene (issue 9): keys 'seeing.…'.
export const motion = {
  'seeing.partition': 'P{p}',
  'seeing.stored': '{count}',
  'seeing.owner': '→ {owner}',
  'seeing.noOwner': 'not read yet',
  'seeing.warnings': 'Warnings',
  'seeing.warning.publisherNoWayOut': 'Publisher “{name}” is connected to nothing: its messages go nowhere. Connect it to a topic, queue or handler.',
  'seeing.warning.topicNoWayOut': 'Topic “{name}” has no subscribers: every message it receives is lost. Connect it to a queue or handler.',
  'seeing.warning.handlerFedByNothing': 'Handler “{name}” is fed by nothing: it will never handle a message. Connect a publisher, topic or queue to it.',
  'seeing.runStopped': 'The diagram changed, so the run stopped. Run starts again from 0 with the new diagram.',
  'seeing.dockResize': 'Resize the results dock',
  'seeing.dockMaximize': 'Maximize',
  'seeing.dockRestore': 'Restore the dock size',
} as const;
