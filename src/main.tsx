// Browser entry: restore the document (share link, else autosave), then render the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './ui/styles.css';
import { App } from './ui/App';
import { bootstrapDocument } from './ui/bootstrap';
import { AppErrorBoundary } from './ui/AppErrorBoundary';
import { useAppStore } from './store/store';
import { translate } from './ui/i18n/translate';

try {
  bootstrapDocument();
} catch (error) {
  // Never a blank page: start with an empty document and say why.
  console.error('EventFlow could not restore the last session', error);
  const { language, notify } = useAppStore.getState();
  notify({ kind: 'alert', tone: 'error', title: translate(language, 'crash.restoreFailed'), lines: [String((error as Error)?.message ?? error)] });
}
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppErrorBoundary>
      <App />
    </AppErrorBoundary>
  </StrictMode>,
);
