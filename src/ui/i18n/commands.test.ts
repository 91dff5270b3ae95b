// Every registered document command has a label in both languages, and no label is left over.
import { describe, expect, it } from 'vitest';
import { COMMAND_IDS } from '../../store/commandIds';
import { commands as en } from './en/commands';
import { commands as zh } from './zh/commands';
import { translate, type MessageKey } from './translate';

describe('command labels', () => {
  it('name every command in English and 中文', () => {
    for (const id of COMMAND_IDS) {
      const key = `command.${id}` as MessageKey;
      expect(translate('en', key)).not.toBe(key);
      expect(translate('zh', key)).not.toBe(translate('en', key));
    }
    expect(Object.keys(en).sort()).toEqual(COMMAND_IDS.map((id) => `command.${id}`).sort());
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });
});
