// Shared types of the AsyncAPI 3 import and export (spec: asyncapi.md): the files given, the findings
// (problems and warnings, each with its document and JSON path) and the architecture read from them.
import type { JsonValue } from '../model/plain';

export type Json = JsonValue;
export type JsonObject = { [key: string]: JsonValue };

/** One file given to the importer: its (virtual, `/`-separated) path and its text. */
export interface InputFile {
  path: string;
  text: string;
}

/** A problem stops the import (exit 2); a warning is listed and the scenario is still built. */
export interface Finding {
  severity: 'problem' | 'warning';
  /** the file it is in, as given (e.g. `services/users.yaml`); empty when it concerns no one file */
  document: string;
  /** JSON path inside that file, e.g. `operations.onSignup.channel` ('$' for the root) */
  path: string;
  message: string;
  /** `document: path: message`, the line the CLI prints and the dialog lists */
  text: string;
  /** for defaults: what was assumed (so the dialog can group them) */
  kind?: 'default' | 'cycle' | 'ref' | 'binding' | 'idle' | 'other';
}

/** A channel, merged across documents by address (or by key when it has no address). */
export interface ArchChannel {
  /** the key in the first document that declares it */
  key: string;
  address: string | null;
  /** message names, in key order, across every declaring document (no repeats) */
  messages: string[];
  documents: string[];
  /** x-eventflow-queue of the first document that gives one, with where it was found */
  queue?: { value: Json; document: string; path: string };
  bindings?: Json;
}

export interface ArchOperation {
  /** the operation's key, its operationId */
  key: string;
  action: 'send' | 'receive';
  /** index into Architecture.channels */
  channel: number;
  document: number;
  path: string;
  /** the operation object's own `x-eventflow-*` fields */
  extensions: JsonObject;
}

export interface ArchDocument {
  path: string;
  title: string;
  /** `info`'s `x-eventflow-*` fields */
  info: JsonObject;
  /** the root `x-eventflow-scenario`, when present */
  scenario?: JsonObject;
  servers?: Json;
}

/** Everything the mapping needs from the given documents; plain JSON, so a worker can send it. */
export interface Architecture {
  documents: ArchDocument[];
  channels: ArchChannel[];
  operations: ArchOperation[];
  findings: Finding[];
}
