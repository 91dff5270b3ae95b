// `npm run asyncapi -- import DOC.yaml [DOC2.yaml …] [-o OUT.eventflow.json]` and
// `npm run asyncapi -- export FILE.eventflow.json -o DIR/` (asyncapi.md). Exit codes as `npm run sim`:
// 0 done, 2 an invalid or unmappable input (every problem by document and JSON path), 1 anything else.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fromScenario } from '../asyncapi/fromScenario';
import { readAsyncApiFiles } from '../asyncapi/importer';
import type { ParserClass } from '../asyncapi/officialParser';
import { MAX_ASYNCAPI_BYTES } from '../asyncapi/readYaml';
import { countsText, toScenario } from '../asyncapi/toScenario';
import type { InputFile } from '../asyncapi/types';
import { parseScenarioText } from '../model/parse';
import { EXIT_BAD_FILE, EXIT_OK, EXIT_OTHER, type CliIo } from './run';

export const ASYNCAPI_USAGE = `usage: npm run asyncapi -- import DOC.yaml [DOC2.yaml …] [-o OUT.eventflow.json]
       npm run asyncapi -- export FILE.eventflow.json -o DIR/

  import   reads AsyncAPI 3 documents (YAML or JSON; several describe one architecture, with relative
           $refs among them) and writes one scenario file (to stdout without -o); warnings go to stderr
  export   writes one AsyncAPI 3.0.0 document per publisher and handler, and components.yaml, into DIR

exit codes: 0 done, 2 an invalid or unmappable input, 1 anything else`;

type Command = { kind: 'import'; files: string[]; out?: string } | { kind: 'export'; file: string; out: string } | { kind: 'help' } | { kind: 'error'; message: string };

export function parseAsyncApiArgs(argv: readonly string[]): Command {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') return command === undefined ? { kind: 'error', message: 'no command given' } : { kind: 'help' };
  if (command !== 'import' && command !== 'export') return { kind: 'error', message: `unknown command ${JSON.stringify(command)} (import or export)` };
  const files: string[] = [];
  let out: string | undefined;
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i];
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (arg === '-o' || arg === '--out') {
      if (i + 1 >= rest.length || rest[i + 1] === '') return { kind: 'error', message: `${arg} needs a path` };
      out = rest[++i];
    } else if (arg.startsWith('--out=')) out = arg.slice('--out='.length);
    else if (arg.startsWith('-') && arg !== '-') return { kind: 'error', message: `unknown option ${arg}` };
    else files.push(arg);
  }
  if (files.length === 0) return { kind: 'error', message: command === 'import' ? 'no AsyncAPI document given' : 'no scenario file given' };
  if (command === 'import') return { kind: 'import', files, ...(out === undefined ? {} : { out }) };
  if (files.length > 1) return { kind: 'error', message: `export takes one scenario file, got ${files.length}` };
  if (out === undefined) return { kind: 'error', message: 'export needs -o DIR/' };
  return { kind: 'export', file: files[0], out };
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const loadParser = async (): Promise<ParserClass> => (await import('@asyncapi/parser')).Parser as unknown as ParserClass;

async function runImport(files: string[], out: string | undefined, io: CliIo): Promise<number> {
  const inputs: InputFile[] = [];
  const base = process.cwd();
  for (const file of files) {
    try {
      const handle = await readFile(file);
      if (handle.byteLength > MAX_ASYNCAPI_BYTES) {
        io.stderr.write(`${file}: $: too large (${(handle.byteLength / 1048576).toFixed(1)} MB; an AsyncAPI file may have at most ${MAX_ASYNCAPI_BYTES / 1048576} MB)\n`);
        return EXIT_BAD_FILE;
      }
      // names as given, relative to the working directory, so findings name the files the user typed
      inputs.push({ path: relative(base, resolve(file)).split('\\').join('/'), text: handle.toString('utf8') });
    } catch (error) {
      io.stderr.write(`${file}: cannot read the file (${messageOf(error)})\n`);
      return EXIT_BAD_FILE;
    }
  }
  const read = await readAsyncApiFiles(inputs, loadParser);
  const mapped = read.architecture ? toScenario(read.architecture) : undefined;
  const findings = mapped ? mapped.findings : read.findings;
  const problems = findings.filter((f) => f.severity === 'problem');
  if (problems.length > 0 || !mapped?.scenario) {
    io.stderr.write(`cannot import (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  ${p.text}\n`).join('')}`);
    return EXIT_BAD_FILE;
  }
  const warnings = findings.filter((f) => f.severity === 'warning');
  if (warnings.length > 0) io.stderr.write(`${warnings.length} warning${warnings.length === 1 ? '' : 's'}:\n${warnings.map((w) => `  ${w.text}\n`).join('')}`);
  const text = `${JSON.stringify(mapped.scenario, null, 2)}\n`;
  if (out === undefined) {
    io.stdout.write(text);
    return EXIT_OK;
  }
  await writeFile(out, text, 'utf8');
  io.stderr.write(`wrote ${out}: ${countsText(mapped.counts)}\n`);
  return EXIT_OK;
}

async function runExport(file: string, out: string, io: CliIo): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    io.stderr.write(`${file}: cannot read the file (${messageOf(error)})\n`);
    return EXIT_BAD_FILE;
  }
  const parsed = parseScenarioText(text);
  if (!parsed.ok) {
    io.stderr.write(`${file}: not a valid scenario (${parsed.problems.length} problem${parsed.problems.length === 1 ? '' : 's'}):\n${parsed.problems.map((p) => `  ${p.text}\n`).join('')}`);
    return EXIT_BAD_FILE;
  }
  const documents = fromScenario(parsed.scenario);
  await mkdir(out, { recursive: true });
  for (const document of documents) await writeFile(join(out, document.path), document.text, 'utf8');
  io.stderr.write(`wrote ${documents.length} AsyncAPI documents to ${out}: ${documents.map((d) => d.path).join(', ')}\n`);
  return EXIT_OK;
}

/** Runs the command; resolves to the exit code. Never throws. */
export async function runAsyncApiCli(argv: readonly string[], io: CliIo): Promise<number> {
  const command = parseAsyncApiArgs(argv);
  if (command.kind === 'help') {
    io.stdout.write(`${ASYNCAPI_USAGE}\n`);
    return EXIT_OK;
  }
  if (command.kind === 'error') {
    io.stderr.write(`error: ${command.message}\n\n${ASYNCAPI_USAGE}\n`);
    return EXIT_OTHER;
  }
  try {
    return command.kind === 'import' ? await runImport(command.files, command.out, io) : await runExport(command.file, command.out, io);
  } catch (error) {
    io.stderr.write(`error: ${messageOf(error)}\n`);
    return EXIT_OTHER;
  }
}
