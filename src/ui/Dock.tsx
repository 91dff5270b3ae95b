// The dock under the canvas: tabbed panels (Results, Charts, Messages, Theory, Problems) and the Model panel beside them.
import type { ReactNode } from 'react';
import { useAppStore } from '../store/store';
import type { DockTab } from '../store/uiSlice';
import { useProblems, useWarnings } from '../store/selectors';
import { ResultsPanel } from './results/ResultsPanel';
import { ChartsPanel } from './results/ChartsPanel';
import { MessagesPanel } from './results/MessagesPanel';
import { TheoryPanel } from './results/TheoryPanel';
import { ProblemsPanel } from './editor/ProblemsPanel';
import { ModelPanel } from './model-panel/ModelPanel';
import { ExperimentsPanel } from './experiments/ExperimentsPanel';
import { GoalsPanel } from './goals/GoalsPanel';
import { theoryReplications } from './experiments/TheoryReplications';
import { useT, type MessageKey } from './i18n';
import { DockSplitter, MaximizeButton, useDockHeight } from './seeing/DockSplitter';

const tabs: { id: Exclude<DockTab, 'model'>; label: MessageKey; panel: () => ReactNode; region?: MessageKey }[] = [
  { id: 'results', label: 'dock.results', panel: () => <ResultsPanel />, region: 'region.results' },
  { id: 'goals', label: 'dock.goals', panel: () => <GoalsPanel />, region: 'region.goals' },
  { id: 'charts', label: 'dock.charts', panel: () => <ChartsPanel /> },
  { id: 'messages', label: 'dock.messages', panel: () => <MessagesPanel /> },
  { id: 'theory', label: 'dock.theory', panel: () => <TheoryPanel extra={theoryReplications} /> },
  { id: 'problems', label: 'dock.problems', panel: () => <ProblemsPanel /> },
  { id: 'experiments', label: 'dock.experiments', panel: () => <ExperimentsPanel /> },
];

export function Dock() {
  const t = useT();
  const active = useAppStore((s) => (s.dockTab === 'model' ? 'results' : s.dockTab));
  const setDockTab = useAppStore((s) => s.setDockTab);
  const problemCount = useProblems().length + useWarnings().length;
  const current = tabs.find((tab) => tab.id === active) ?? tabs[0];
  const dock = useDockHeight();
  return (
    <div className="dock">
      <DockSplitter heightPx={dock.heightPx} setHeightPx={dock.setHeightPx} />
      <div className="dock-main">
        <div className="dock-tabs-bar">
        <div className="dock-tabs" role="tablist" aria-label={t('dock.label')}>
          {tabs.map((tab) => (
            <button
              key={tab.id}
              role="tab"
              id={`dock-tab-${tab.id}`}
              aria-selected={tab.id === active}
              aria-controls={`dock-panel-${tab.id}`}
              className={tab.id === 'problems' && problemCount > 0 ? 'has-problems' : undefined}
              onClick={() => setDockTab(tab.id)}
            >
              {t(tab.label, { count: problemCount })}
            </button>
          ))}
        </div>
        <MaximizeButton maximized={dock.maximized} onToggle={dock.toggleMaximized} />
        </div>
        <div
          className="dock-panel"
          role={current.region ? 'region' : 'tabpanel'}
          id={`dock-panel-${current.id}`}
          aria-label={current.region ? t(current.region) : undefined}
          aria-labelledby={current.region ? undefined : `dock-tab-${current.id}`}
          tabIndex={0}
        >
          {current.panel()}
        </div>
      </div>
      <section className="dock-model" role="region" aria-label={t('region.model')} tabIndex={0}>
        <ModelPanel />
      </section>
    </div>
  );
}
