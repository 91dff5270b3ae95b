// Autosave of the document to localStorage and its restore at startup. STUB: owned by the editor work.
export function restoreAutosave(): void {}
export function startAutosave(): void {}
