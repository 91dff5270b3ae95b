// Names people gave nodes, for every place the UI names one: the label (else the id), and the id kept
// for hover text or as secondary text. Works from the run's meta or from the diagram itself.
import type { NodeType } from '../engine/types';

export interface NamedNode {
  id: string;
  type?: NodeType;
  label?: string;
}

export interface Names {
  /** the label, else the id; an unknown id stays itself */
  name: (id: string) => string;
  /** "label (id)" when they differ, else the id: for hover text */
  full: (id: string) => string;
  type: (id: string) => NodeType | undefined;
}

export function namesOf(nodes: readonly NamedNode[] | undefined): Names {
  const byId = new Map((nodes ?? []).map((node) => [node.id, node]));
  const name = (id: string): string => {
    const label = byId.get(id)?.label;
    return label !== undefined && label !== '' ? label : id;
  };
  return {
    name,
    full: (id) => (name(id) === id ? id : `${name(id)} (${id})`),
    type: (id) => byId.get(id)?.type,
  };
}
