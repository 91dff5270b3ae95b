// Validation with the official AsyncAPI parser (@asyncapi/parser), restricted to the given files: its
// resolvers serve `$ref`s from memory and never reach the network (an http(s) ref or a file not given
// reads as an empty extension object; readArchitecture reports it). Works with the Node build and the
// browser build alike: the caller passes the Parser class.
import type { Parser as AsyncApiParser } from '@asyncapi/parser';
import type { ParserOptions } from '@asyncapi/parser/esm/parser';
import { pathToString } from '../model/problems';
import { problem } from './findings';
import { findFile, normalizePath, type FileSet } from './refs';
import type { Finding, Json } from './types';

export type ParserClass = new (options?: ParserOptions) => AsyncApiParser;

interface Uri {
  toString(): string;
  path(): string;
  scheme(): string;
}

const ROOT = '/eventflow-import';

/** A parser validating `documents` (name and normalized path) that resolves refs only among `files`. */
export async function validateWithParser(Parser: ParserClass, files: FileSet, documents: readonly { name: string; path: string }[]): Promise<Finding[]> {
  const offline = (uri: Uri) => JSON.stringify({ 'x-eventflow-unresolved': uri.toString() });
  const inMemory = (uri: Uri) => {
    const path = normalizePath(decodeURIComponent(uri.path()));
    const relative = path.startsWith(`${ROOT}/`) ? path.slice(ROOT.length) : path;
    const found = files.byPath.has(relative) ? relative : findFile(files, '/', relative.slice(relative.lastIndexOf('/') + 1));
    const value = found === undefined ? undefined : files.byPath.get(found);
    return value === undefined ? offline(uri) : JSON.stringify(value);
  };
  const resolver = (schema: string, read: (uri: Uri) => string) => ({ schema, order: 1, canRead: true, read: async (uri: Uri) => read(uri) });
  const parser = new Parser({
    __unstable: { resolver: { cache: false, resolvers: [resolver('file', inMemory), resolver('http', offline), resolver('https', offline)] } },
  } as ParserOptions);
  const findings: Finding[] = [];
  for (const document of documents) {
    const value: Json | undefined = files.byPath.get(document.path);
    const source = `${ROOT}${document.path.startsWith('/') ? '' : '/'}${document.path}`;
    try {
      const diagnostics = await parser.validate(JSON.stringify(value), { source } as Parameters<AsyncApiParser['validate']>[1]);
      for (const diagnostic of diagnostics) {
        if (diagnostic.severity !== 0) continue; // errors only: warnings are style advice (contact, license, …)
        const path = Array.isArray(diagnostic.path) ? pathToString(diagnostic.path.map((p) => (typeof p === 'number' ? p : String(p)))) : '$';
        findings.push(problem(document.name, path, `${diagnostic.message} (AsyncAPI parser: ${String(diagnostic.code)})`));
      }
    } catch (error) {
      findings.push(problem(document.name, '$', `the AsyncAPI parser failed (${error instanceof Error ? error.message : String(error)})`));
    }
  }
  return findings;
}
