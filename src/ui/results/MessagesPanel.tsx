// The Q set table and a message's timeline (run work). STUB: replace wholesale.
export function MessagesPanel() {
  return null;
}
