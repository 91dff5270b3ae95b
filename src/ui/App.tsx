// The one screen: top bar, palette | canvas | inspector, run bar, and the dock (tabs + Model panel).
import { Canvas } from './canvas/Canvas';
import { Palette } from './editor/Palette';
import { Inspector } from './inspector/Inspector';
import { RunBar } from './run/RunBar';
import { TokenLayer } from './run/TokenLayer';
import { TopBar } from './TopBar';
import { Dock } from './Dock';
import { Notices } from './Notices';
import { FileDropZone } from './files/FileDropZone';
import { useT } from './i18n';
import { LessonPanel } from './lessons/LessonPanel';

export function App() {
  const t = useT();
  return (
    <div className="app">
      <TopBar />
      <main className="workspace">
        <LessonPanel />
        <aside className="palette" aria-label={t('region.palette')}>
          <Palette />
        </aside>
        <section className="canvas-region" role="region" aria-label={t('region.canvas')}>
          <FileDropZone>
            <Canvas overlay={<TokenLayer />} />
          </FileDropZone>
        </section>
        <aside className="inspector" role="region" aria-label={t('region.inspector')}>
          <Inspector />
        </aside>
      </main>
      <div className="runbar" role="toolbar" aria-label={t('region.runbar')}>
        <RunBar />
      </div>
      <Dock />
      <Notices />
    </div>
  );
}
