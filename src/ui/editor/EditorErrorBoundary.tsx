// Keeps a drawing error in one editor area (canvas, inspector, panels) from blanking the page: the area
// says what failed and offers Undo / New; it tries again whenever the document changes.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useAppStore } from '../../store/store';
import { useT } from '../i18n';
import { newScenarioAction } from './actions';

interface Props { children: ReactNode }
interface State { error: Error | null; docVersion: number }

class Boundary extends Component<Props & { docVersion: number }, State> {
  state: State = { error: null, docVersion: this.props.docVersion };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props & { docVersion: number }, state: State): Partial<State> | null {
    // a new document version (undo, new, a fix) deserves a fresh try
    return props.docVersion !== state.docVersion ? { error: null, docVersion: props.docVersion } : null;
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('editor area failed to draw', error, info.componentStack);
  }

  render(): ReactNode {
    return this.state.error ? <Fallback message={this.state.error.message} /> : this.props.children;
  }
}

function Fallback({ message }: { message: string }) {
  const t = useT();
  const canUndo = useAppStore((s) => s.past.length > 0);
  const undo = useAppStore((s) => s.undo);
  return (
    <div className="ef-area-error" role="alert">
      <p className="ef-area-error-title">{t('editor.error.title')}</p>
      <p className="ef-muted-note">{message}</p>
      <div className="ef-button-row">
        {canUndo && <button type="button" onClick={undo}>{t('editor.error.undo')}</button>}
        <button type="button" onClick={newScenarioAction}>{t('editor.error.new')}</button>
      </div>
    </div>
  );
}

export function EditorErrorBoundary({ children }: Props) {
  const docVersion = useAppStore((s) => s.docVersion);
  return <Boundary docVersion={docVersion}>{children}</Boundary>;
}
