// English strings for the files area. Keys are 'area.thing'; {name} placeholders are filled by t().
export const files = {
} as const;
