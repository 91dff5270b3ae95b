// Building findings: a JSON path as text and the printed line `document: path: message`.
import { pathToString, printable, type Path } from '../model/problems';
import type { Finding } from './types';

export function finding(severity: Finding['severity'], document: string, path: Path | string, message: string, kind?: Finding['kind']): Finding {
  const at = typeof path === 'string' ? path : pathToString(path);
  const text = printable(`${document === '' ? '' : `${document}: `}${at}: ${message}`);
  return { severity, document, path: at, message, text, ...(kind ? { kind } : {}) };
}

export const problem = (document: string, path: Path | string, message: string): Finding => finding('problem', document, path, message);
export const warning = (document: string, path: Path | string, message: string, kind: Finding['kind'] = 'other'): Finding =>
  finding('warning', document, path, message, kind);

export const hasProblems = (findings: readonly Finding[]): boolean => findings.some((f) => f.severity === 'problem');
