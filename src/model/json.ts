// Plain JSON values and the one "is this a plain object?" test every layer uses (files, autosave,
// the clipboard, migrations, serialization). Pure; no other imports.

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** A non-null, non-array object: the only kind of value whose keys a reader may look at. */
export function isObject(value: JsonValue | undefined): value is JsonObject;
export function isObject(value: unknown): value is Record<string, unknown>;
export function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
