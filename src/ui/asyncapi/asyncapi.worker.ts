// Web worker that reads AsyncAPI files with the official parser's browser build. The parser validates
// with ajv, which compiles schemas with `new Function`: the page's CSP forbids that, so it runs here, in
// a same-origin module worker (its own script, not a blob: worker, so the page's meta CSP does not apply).
/// <reference lib="webworker" />
import { readAsyncApiFiles } from '../../asyncapi/importer';
import type { ParserClass } from '../../asyncapi/officialParser';
import type { InputFile } from '../../asyncapi/types';

/** The UMD build's export is the Parser class itself (`module.exports = Parser`), seen as the default export. */
type BrowserBuild = ParserClass & { Parser?: ParserClass; default?: ParserClass & { Parser?: ParserClass } };

async function loadParser(): Promise<ParserClass> {
  const module = (await import('@asyncapi/parser/browser/index.js')) as unknown as BrowserBuild;
  const fromGlobal = (self as unknown as { AsyncAPIParser?: BrowserBuild }).AsyncAPIParser;
  const candidates = [module.default, module.default?.Parser, module.Parser, fromGlobal, fromGlobal?.Parser];
  const Parser = candidates.find((c): c is ParserClass => typeof c === 'function' && typeof c.prototype?.validate === 'function');
  if (!Parser) throw new Error('the AsyncAPI parser could not be loaded');
  return Parser;
}

self.onmessage = async (event: MessageEvent<{ files: InputFile[] }>) => {
  const outcome = await readAsyncApiFiles(event.data.files, loadParser);
  self.postMessage(outcome);
};
