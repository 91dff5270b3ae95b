// Browser entry: restore the document (share link, else autosave), then render the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './ui/styles.css';
import { App } from './ui/App';
import { bootstrapDocument } from './store/bootstrap';
import { AppErrorBoundary } from './ui/AppErrorBoundary';

try {
  bootstrapDocument();
} catch (error) {
  // Never a blank page: start with an empty document and say why.
  console.error('EventFlow could not restore the last session', error);
}
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppErrorBoundary>
      <App />
    </AppErrorBoundary>
  </StrictMode>,
);
