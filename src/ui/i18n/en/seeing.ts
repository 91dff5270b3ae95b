// English strings for seeing a run (motion on the canvas) and classroom hygiene: keys 'seeing.…'.
export const seeing = {
  'seeing.partition': 'P{p}',
  'seeing.stored': '{count}',
  'seeing.owner': '→ {owner}',
  'seeing.noOwner': 'not read yet',
} as const;
