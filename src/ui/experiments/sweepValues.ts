// The values "Sweep this field" proposes around a field's current value: whole numbers from half to twice it
// (at most 9 of them), otherwise 50 % … 150 % of it in quarter steps; a clear starting point the user edits.
export function suggestValues(current: number | undefined, integer: boolean): string {
  const base = current === undefined || !Number.isFinite(current) || current <= 0 ? (integer ? 1 : 1) : current;
  if (integer) {
    const from = Math.max(1, Math.floor(base / 2));
    const to = Math.max(from + 3, Math.round(base * 2));
    const step = Math.max(1, Math.ceil((to - from) / 8));
    return `${from}:${to}:${step}`;
  }
  const out = [0.5, 0.75, 1, 1.25, 1.5].map((f) => Number((base * f).toPrecision(6)));
  return out.join(',');
}
