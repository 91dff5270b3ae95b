// The official AsyncAPI parser's browser build (a UMD bundle) has no type declarations of its own.
declare module '@asyncapi/parser/browser/index.js' {
  const build: unknown;
  export default build;
}
