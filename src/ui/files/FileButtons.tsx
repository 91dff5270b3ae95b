// Examples, Import, Export, Share link and image export (files work). STUB: replace wholesale.
export function FileButtons() {
  return null;
}
