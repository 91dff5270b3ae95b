// Canvas overlay drawing moving message tokens (run work). STUB: replace wholesale.
export function TokenLayer() {
  return null;
}
