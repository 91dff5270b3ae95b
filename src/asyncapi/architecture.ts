// Reads the given AsyncAPI 3 documents (already parsed to JSON) into an Architecture: channels merged
// by address, every operation with its channel, the x-eventflow-* fields, and every problem and
// warning by document and JSON path (mapping section of asyncapi.md).
import type { Path } from '../model/problems';
import { problem, warning } from './findings';
import { deref, isObject, resolveRef, type FileSet } from './refs';
import type { ArchChannel, ArchDocument, ArchOperation, Architecture, Finding, Json, JsonObject } from './types';

export interface ParsedFile {
  /** as shown to the user */
  name: string;
  /** normalized virtual path, the key of FileSet.byPath */
  path: string;
  value: Json;
}

const extensionsOf = (value: Json | undefined): JsonObject => {
  const out: JsonObject = {};
  if (isObject(value)) for (const [key, field] of Object.entries(value)) if (key.startsWith('x-eventflow-')) out[key] = field;
  return out;
};

/** Where an unresolved $ref only costs a warning: inside what the simulation does not use. */
const OUTSIDE_MAPPING = new Set(['payload', 'headers', 'schemas', 'bindings', 'examples', 'externalDocs', 'tags', 'traits', 'correlationId', 'correlationIds', 'securitySchemes', 'security', 'parameters']);

/** Every `$ref` string in `value`, with its path. */
export function collectRefs(value: Json, path: Path = [], out: { path: Path; ref: string }[] = []): { path: Path; ref: string }[] {
  if (Array.isArray(value)) value.forEach((item, index) => collectRefs(item, [...path, index], out));
  else if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') out.push({ path, ref: child });
      else collectRefs(child, [...path, key], out);
    }
  }
  return out;
}

/** Version check of one file: AsyncAPI 3 (3.0.x, 3.1.x) is read; 2.x and others are refused with what to do. */
export function versionProblem(file: ParsedFile): Finding | undefined | 'shared' {
  const value = file.value;
  if (!isObject(value) || value.asyncapi === undefined) return 'shared';
  const version = value.asyncapi;
  if (typeof version !== 'string') return problem(file.name, 'asyncapi', 'must be a version string such as "3.0.0"');
  const major = /^(\d+)\./.exec(version)?.[1];
  if (major === '3') return undefined;
  if (major === '2' || major === '1') {
    return problem(file.name, 'asyncapi', `this is AsyncAPI ${version}; EventFlow reads AsyncAPI 3. Convert it first, e.g. \`asyncapi convert ${file.name} --target-version=3.0.0\` (AsyncAPI CLI) or in AsyncAPI Studio, then import the result`);
  }
  return problem(file.name, 'asyncapi', `AsyncAPI ${JSON.stringify(version)} is not AsyncAPI 3 (expected "3.0.0" or "3.1.0")`);
}

/** Every `$ref` of every file: an unresolvable one is a problem, or only a warning inside payloads and
 *  other parts the simulation does not use. Returns the files some other file refers to. */
export function checkRefs(files: readonly ParsedFile[], fileSet: FileSet = { byPath: new Map(files.map((file) => [file.path, file.value])) }, findings: Finding[] = []): { referenced: Set<string>; findings: Finding[] } {
  const referenced = new Set<string>();
  for (const file of files) {
    for (const { path, ref } of collectRefs(file.value)) {
      const target = resolveRef(fileSet, file.path, ref);
      if (target.ok) {
        if (target.file !== file.path) referenced.add(target.file);
        continue;
      }
      const inPayload = path.some((segment) => typeof segment === 'string' && OUTSIDE_MAPPING.has(segment));
      const message = `${target.reason}${inPayload ? ' (left out; the simulation does not use it)' : ''}`;
      findings.push(inPayload ? warning(file.name, path, message, 'ref') : problem(file.name, path, message));
    }
  }
  return { referenced, findings };
}

class Builder {
  readonly channels: ArchChannel[] = [];
  readonly operations: ArchOperation[] = [];
  readonly documents: ArchDocument[] = [];
  readonly findings: Finding[] = [];
  private readonly channelIndex = new Map<string, number>();
  /** file path + channel key -> channel index, for operations' refs */
  private readonly byLocation = new Map<string, number>();

  constructor(private readonly files: FileSet, private readonly names: Map<string, string>) {}

  private nameOf(path: string): string {
    return this.names.get(path) ?? path;
  }

  /** Registers (or merges) the channel at channels[key] of `file`; undefined when it cannot be read. */
  channel(file: string, key: string, raw: Json | undefined, user: string, at: Path): number | undefined {
    const location = `${file}\u0000${key}`;
    const known = this.byLocation.get(location);
    if (known !== undefined) return known;
    const resolved = deref(this.files, file, raw);
    if (!resolved.ok) {
      this.findings.push(problem(user, at, resolved.reason));
      return undefined;
    }
    const value = resolved.value;
    if (!isObject(value)) {
      this.findings.push(problem(user, at, 'must be a channel object'));
      return undefined;
    }
    const address = typeof value.address === 'string' ? value.address : null;
    const identity = address === null ? `key:${key}` : `address:${address}`;
    let index = this.channelIndex.get(identity);
    const documentName = this.nameOf(file);
    if (index === undefined) {
      index = this.channels.length;
      this.channels.push({ key, address, messages: [], documents: [] });
      this.channelIndex.set(identity, index);
    }
    const channel = this.channels[index];
    if (!channel.documents.includes(documentName)) channel.documents.push(documentName);
    if (isObject(value.messages)) {
      for (const [messageKey, message] of Object.entries(value.messages)) {
        const target = deref(this.files, resolved.file, message);
        if (!target.ok) {
          this.findings.push(problem(user, [...at, 'messages', messageKey], target.reason));
          continue;
        }
        const name = isObject(target.value) && typeof target.value.name === 'string' && target.value.name !== '' ? target.value.name : messageKey;
        if (!channel.messages.includes(name)) channel.messages.push(name);
      }
    }
    const queue = value['x-eventflow-queue'];
    if (queue !== undefined && channel.queue === undefined) channel.queue = { value: queue, document: user, path: [...at, 'x-eventflow-queue'].join('.') };
    if (value.bindings !== undefined && channel.bindings === undefined) {
      channel.bindings = value.bindings;
      this.findings.push(warning(user, [...at, 'bindings'], 'bindings are kept in x-asyncapi; they do not change the simulation', 'binding'));
    }
    this.byLocation.set(location, index);
    return index;
  }

  document(file: ParsedFile): void {
    const doc = file.value as JsonObject;
    const documentIndex = this.documents.length;
    const info = isObject(doc.info) ? doc.info : {};
    const title = typeof info.title === 'string' && info.title.trim() !== '' ? info.title.trim() : file.name.replace(/\.(ya?ml|json)$/i, '');
    const entry: ArchDocument = { path: file.name, title, info: extensionsOf(info) };
    if (isObject(doc['x-eventflow-scenario'])) entry.scenario = doc['x-eventflow-scenario'];
    if (doc.servers !== undefined) entry.servers = doc.servers;
    this.documents.push(entry);
    const channels = isObject(doc.channels) ? doc.channels : {};
    for (const [key, raw] of Object.entries(channels)) this.channel(file.path, key, raw, file.name, ['channels', key]);
    const operations = isObject(doc.operations) ? doc.operations : {};
    for (const [key, raw] of Object.entries(operations)) this.operation(file, documentIndex, key, raw);
  }

  private operation(file: ParsedFile, documentIndex: number, key: string, raw: Json): void {
    const at: Path = ['operations', key];
    const resolved = deref(this.files, file.path, raw);
    if (!resolved.ok) {
      this.findings.push(problem(file.name, at, resolved.reason));
      return;
    }
    const op = resolved.value;
    if (!isObject(op)) return void this.findings.push(problem(file.name, at, 'must be an operation object'));
    if (op.action !== 'send' && op.action !== 'receive') return void this.findings.push(problem(file.name, [...at, 'action'], 'must be "send" or "receive"'));
    const channelRef = isObject(op.channel) ? op.channel.$ref : undefined;
    if (typeof channelRef !== 'string') return void this.findings.push(problem(file.name, [...at, 'channel'], 'must be a $ref to a channel, e.g. { $ref: "#/channels/userSignedUp" }'));
    const target = resolveRef(this.files, resolved.file, channelRef);
    if (!target.ok) {
      const missing = !target.offline && /nothing at/.test(target.reason);
      return void this.findings.push(problem(file.name, [...at, 'channel'], missing ? `the channel ${JSON.stringify(channelRef)} does not exist` : target.reason));
    }
    if (target.keys.length !== 2 || target.keys[0] !== 'channels') {
      return void this.findings.push(problem(file.name, [...at, 'channel'], `${JSON.stringify(channelRef)} is not a channel (expected #/channels/NAME)`));
    }
    const channel = this.channel(target.file, target.keys[1], target.value, file.name, [...at, 'channel']);
    if (channel === undefined) return;
    this.operations.push({ key, action: op.action, channel, document: documentIndex, path: `operations.${key}`, extensions: extensionsOf(op) });
  }
}

/** Reads every AsyncAPI 3 file of `files` (others are shared files, referenced by them). */
export function readArchitecture(files: readonly ParsedFile[]): Architecture {
  const fileSet: FileSet = { byPath: new Map(files.map((file) => [file.path, file.value])) };
  const names = new Map(files.map((file) => [file.path, file.name]));
  const builder = new Builder(fileSet, names);
  const { referenced } = checkRefs(files, fileSet, builder.findings);
  for (const file of files) {
    const check = versionProblem(file);
    if (check === 'shared') {
      if (!referenced.has(file.path)) builder.findings.push(problem(file.name, '$', 'not an AsyncAPI document (no "asyncapi" field) and no given document refers to it'));
      continue;
    }
    if (check) {
      builder.findings.push(check);
      continue;
    }
    builder.document(file);
  }
  return { documents: builder.documents, channels: builder.channels, operations: builder.operations, findings: dedupe(builder.findings) };
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => (seen.has(f.text) ? false : (seen.add(f.text), true)));
}
