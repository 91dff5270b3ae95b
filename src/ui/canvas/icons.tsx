// Small line icons for the four node types (decorative; the type is also written in text).
import type { NodeType } from '../../engine/types';

const paths: Record<NodeType, string> = {
  publisher: 'M4 12h9M10 7l5 5-5 5M18 5v14',
  topic: 'M9 4L7 20M17 4l-2 16M4 9h16M3 15h16',
  queue: 'M5 6h14M5 10h14M5 14h14M5 18h14',
  handler: 'M12 3v3M12 18v3M3 12h3M18 12h3M5.6 5.6l2.1 2.1M16.3 16.3l2.1 2.1M5.6 18.4l2.1-2.1M16.3 7.7l2.1-2.1M12 8.5a3.5 3.5 0 1 0 0 7a3.5 3.5 0 1 0 0-7',
};

export function NodeIcon({ type, size = 16 }: { type: NodeType; size?: number }) {
  return (
    <svg className="node-icon" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={paths[type]} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
