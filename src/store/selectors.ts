// Derived data read by React through selectors: validation problems, sets. STUB: owned by the editor work.
import type { Problem } from '../model/types';
import { useAppStore } from './store';

export function useProblems(): Problem[] {
  useAppStore((s) => s.scenario);
  return [];
}
