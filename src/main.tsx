// Browser entry: the editor (restore the document, then render the app) or, with ?embed, the read-only player.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './ui/styles.css';
import { App } from './ui/App';
import { bootstrapDocument } from './ui/bootstrap';
import { AppErrorBoundary } from './ui/AppErrorBoundary';
import { useAppStore } from './store/store';
import { translate } from './ui/i18n/translate';
import { EmbedApp } from './ui/embed/EmbedApp';
import { bootstrapEmbed } from './ui/embed/embedBootstrap';
import { isEmbedded, isPresenting } from './ui/embed/embedCode';

/** The full editor: restore the document (share link, else autosave), then render the app. */
function startApp(): void {
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
}

/** The read-only player (`?embed`): the share fragment's scenario, no autosave. */
async function startPlayer(): Promise<void> {
  const loaded = await bootstrapEmbed().catch(() => false);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AppErrorBoundary>
        <EmbedApp loaded={loaded} present={isPresenting(window.location.search)} />
      </AppErrorBoundary>
    </StrictMode>,
  );
}

if (isEmbedded(window.location.search)) void startPlayer();
else startApp();
