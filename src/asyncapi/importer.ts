// The import pipeline shared by the command line and the browser worker: read each file (YAML limits),
// validate the AsyncAPI 3 documents with the official parser, read the architecture. Never throws;
// the mapping itself (toScenario) runs afterwards, so the dialog can re-map with other choices.
import { checkRefs, readArchitecture, versionProblem, type ParsedFile } from './architecture';
import { hasProblems, problem } from './findings';
import { readYaml } from './readYaml';
import { normalizePath, type FileSet } from './refs';
import { validateWithParser, type ParserClass } from './officialParser';
import type { Architecture, Finding, InputFile } from './types';

/** Most files one import takes. */
export const MAX_FILES = 200;

export interface ReadOutcome {
  architecture?: Architecture;
  findings: Finding[];
}

export async function readAsyncApiFiles(inputs: readonly InputFile[], loadParser: () => Promise<ParserClass>): Promise<ReadOutcome> {
  try {
    if (inputs.length === 0) return { findings: [problem('', '$', 'no file given')] };
    if (inputs.length > MAX_FILES) return { findings: [problem('', '$', `too many files (${inputs.length}; at most ${MAX_FILES})`)] };
    const findings: Finding[] = [];
    const parsed: ParsedFile[] = [];
    const seen = new Set<string>();
    for (const input of inputs) {
      const path = normalizePath(input.path.startsWith('/') ? input.path : `/${input.path}`);
      if (seen.has(path)) {
        findings.push(problem(input.path, '$', 'given twice'));
        continue;
      }
      seen.add(path);
      const read = readYaml(input.path, input.text);
      if (read.ok) parsed.push({ name: input.path, path, value: read.value });
      else findings.push(...read.findings);
    }
    if (hasProblems(findings)) return { findings };
    const versions = parsed.map((file) => versionProblem(file));
    const wrongVersion = versions.filter((v): v is Finding => v !== undefined && v !== 'shared');
    if (wrongVersion.length > 0) return { findings: [...findings, ...wrongVersion] };
    const documents = parsed.filter((_, i) => versions[i] === undefined);
    const files: FileSet = { byPath: new Map(parsed.map((file) => [file.path, file.value])) };
    if (documents.length === 0) {
      return { findings: [...findings, ...parsed.map((file) => problem(file.name, '$', 'not an AsyncAPI document (no "asyncapi" field)'))] };
    }
    const refs = checkRefs(parsed, files);
    if (hasProblems(refs.findings)) return { findings: [...findings, ...refs.findings] };
    const diagnostics = await validateWithParser(await loadParser(), files, documents);
    if (diagnostics.length > 0) return { findings: [...findings, ...diagnostics] };
    const architecture = readArchitecture(parsed);
    return { architecture, findings: [...findings, ...architecture.findings] };
  } catch (error) {
    return { findings: [problem('', '$', `could not be read (${error instanceof Error ? error.message : String(error)})`)] };
  }
}

