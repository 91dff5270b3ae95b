// Last line of defence: an error that escapes every panel shows a readable page with a way out
// (download the current scenario, reload) instead of a blank screen.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useAppStore } from '../store/store';
import { translate } from './i18n/translate';

interface State { error: Error | null }

function downloadScenario(): void {
  const { scenario } = useAppStore.getState();
  const blob = new Blob([JSON.stringify(scenario, null, 2)], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = 'recovered.eventflow.json';
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

export class AppErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('EventFlow crashed', error, info.componentStack);
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const language = useAppStore.getState().language;
    const t = (key: Parameters<typeof translate>[1]) => translate(language, key);
    return (
      <div className="app-crash" role="alert">
        <h1>{t('crash.title')}</h1>
        <p>{t('crash.body')}</p>
        <pre>{error.message}</pre>
        <div className="dialog-actions">
          <button onClick={downloadScenario}>{t('crash.download')}</button>
          <button className="primary" onClick={() => window.location.reload()}>{t('crash.reload')}</button>
        </div>
      </div>
    );
  }
}
