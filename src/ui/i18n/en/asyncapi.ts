// English strings of the AsyncAPI import dialog and export (loaded with the first-load bundle: the few
// that the top bar needs; the dialog's own are in asyncapiDialog.ts, loaded with the dialog).
export const asyncapi = {
  'asyncapi.export': 'AsyncAPI 3 (zip)',
  'asyncapi.exported': 'Exported {name}',
};
