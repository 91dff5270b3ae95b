// English strings for the editor area. Keys are 'area.thing'; {name} placeholders are filled by t().
export const editor = {
} as const;
