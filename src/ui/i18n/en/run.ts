// English strings for the run area. Keys are 'area.thing'; {name} placeholders are filled by t().
export const run = {
} as const;
