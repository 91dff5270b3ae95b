// Small inline SVG icons (currentColor) for the run bar and notes: emoji and rare symbols show as empty
// boxes on machines without an emoji font, these always draw.
import type { ReactNode } from 'react';

function Icon({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <svg className={className ?? 'ef-icon'} viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

export const PlayIcon = () => <Icon><path d="M4 2.5v11l9-5.5z" fill="currentColor" /></Icon>;
export const PauseIcon = () => <Icon><path d="M4 2.5h3v11H4zM9 2.5h3v11H9z" fill="currentColor" /></Icon>;
export const StepIcon = () => <Icon><path d="M3 2.5v11l7-5.5z" fill="currentColor" /><path d="M12 2.5h2v11h-2z" fill="currentColor" /></Icon>;
export const RunToEndIcon = () => <Icon><path d="M1.5 2.5v11l6-5.5zM7.5 2.5v11l6-5.5z" fill="currentColor" /><path d="M13.5 2.5h1.5v11h-1.5z" fill="currentColor" /></Icon>;
export const ResetIcon = () => (
  <Icon><path d="M3.5 8a4.5 4.5 0 1 0 1.4-3.3" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" /><path d="M2.5 1.8v4h4z" fill="currentColor" /></Icon>
);
export const BulbIcon = ({ className }: { className?: string }) => (
  <Icon className={className}>
    <path d="M8 1.5a4.5 4.5 0 0 0-2.6 8.2c.4.3.6.7.6 1.2v.6h4v-.6c0-.5.2-.9.6-1.2A4.5 4.5 0 0 0 8 1.5z" fill="currentColor" />
    <path d="M6 13h4M6.5 14.8h3" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" />
  </Icon>
);
