// Wraps the canvas: dropping a .eventflow.json file on it imports the file. STUB (files work).
import type { ReactNode } from 'react';

export function FileDropZone({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
