// The diagram canvas (React Flow 12). STUB (editor work): must render `overlay` inside <ReactFlow>.
import type { ReactNode } from 'react';

export function Canvas({ overlay }: { overlay?: ReactNode }) {
  return <div className="canvas-empty">{overlay}</div>;
}
