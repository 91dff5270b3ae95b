// Labels of the document commands (src/store/commandIds.ts), English.
export const commands = {
  'command.addNode': 'Add node',
  'command.connect': 'Connect',
  'command.delete': 'Delete',
  'command.move': 'Move',
  'command.paste': 'Paste',
  'command.duplicate': 'Duplicate',
  'command.layout': 'Arrange',
  'command.newScenario': 'New scenario',
  'command.settings': 'Change scenario settings',
  'command.editNode': 'Edit node',
  'command.editEdge': 'Edit connection',
  'command.rename': 'Rename node',
  'command.fixLimit': 'Give the publisher a limit',
  'command.fixStopAt': 'Set a stop time',
  'command.load': 'Open scenario',
  'command.reset': 'Restore autosave',
};
