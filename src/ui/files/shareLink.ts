// Share links: the scenario compressed into the URL fragment. STUB: owned by the files work.
export function loadShareLinkFromLocation(): void {}
