// Live validation problems (the model's own parseScenario, same lines as the CLI), each clickable to
// select its node or edge, with one-click fixes where obvious (a publisher that never stops).
import type { Problem, Scenario } from '../../model/types';
import { setPublisherLimit, setStopAt } from '../../store/commands';
import { useProblems, useWarnings } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { useT } from '../i18n';
import { canvasBridge } from '../canvas/placement';
import { EditorErrorBoundary } from './EditorErrorBoundary';
import '../seeing/seeing.css';

const FIX_LIMIT = 10_000;
const FIX_STOP_AT_MS = 60_000;

/** The node or edge a problem is about: its id, else the index in its JSON path. */
function culprit(scenario: Scenario, problem: Problem): { nodeId?: string; edgeId?: string } {
  if (problem.id) {
    if (scenario.nodes.some((n) => n.id === problem.id)) return { nodeId: problem.id };
    if (scenario.edges.some((e) => e.id === problem.id)) return { edgeId: problem.id };
  }
  const match = /^(nodes|edges)\[(\d+)\]/.exec(problem.path);
  if (match) {
    const index = Number(match[2]);
    if (match[1] === 'nodes' && scenario.nodes[index]) return { nodeId: scenario.nodes[index].id };
    if (match[1] === 'edges' && scenario.edges[index]) return { edgeId: scenario.edges[index].id };
  }
  return {};
}

/** A publisher that never stops (no limit, no end, not a finite schedule, and no stopAt). */
function neverStops(scenario: Scenario, nodeId: string | undefined): boolean {
  const node = scenario.nodes.find((n) => n.id === nodeId);
  return !!node && node.type === 'publisher' && scenario.stopAt === undefined && node.limit === undefined && node.end === undefined && node.arrival.kind !== 'schedule';
}

export function ProblemsPanel() {
  return (
    <EditorErrorBoundary>
      <ProblemsList />
    </EditorErrorBoundary>
  );
}

function WarningIcon() {
  return (
    <svg className="ef-problem-icon ef-warning-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="M8 1.5 15 14H1z" fill="currentColor" />
      <path d="M8 6v4M8 11.6v.2" stroke="#fff" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}

function ProblemsList() {
  const t = useT();
  const problems = useProblems();
  const warnings = useWarnings();
  const scenario = useAppStore((s) => s.scenario);
  const select = useAppStore((s) => s.select);
  const commit = useAppStore((s) => s.commit);
  const showNode = (nodeId: string) => {
    select([nodeId], []);
    const position = scenario.nodes.find((n) => n.id === nodeId)?.position;
    if (position) canvasBridge()?.reveal(position);
  };
  if (problems.length === 0 && warnings.length === 0) return <p className="empty-hint ef-problems-none">{t('editor.problems.none')}</p>;
  return (
    <div className="ef-problems">
      <p className="ef-muted-note">{t('editor.problems.intro')}</p>
      {warnings.length > 0 && (
        <ul className="ef-problem-list" aria-label={t('seeing.warnings')}>
          {warnings.map((warning) => (
            <li key={`${warning.kind}-${warning.nodeId}`} className="ef-problem ef-warning">
              <button type="button" className="ef-problem-text" onClick={() => showNode(warning.nodeId)}>
                <WarningIcon />
                <span>{t(`seeing.warning.${warning.kind}`, { name: warning.name })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <ul className="ef-problem-list">
        {problems.map((problem, index) => {
          const target = culprit(scenario, problem);
          const fixable = neverStops(scenario, target.nodeId);
          return (
            <li key={`${problem.path}-${index}`} className="ef-problem">
              <button
                type="button"
                className="ef-problem-text"
                onClick={() => {
                  select(target.nodeId ? [target.nodeId] : [], target.edgeId ? [target.edgeId] : []);
                  const position = scenario.nodes.find((n) => n.id === (target.nodeId ?? scenario.edges.find((e) => e.id === target.edgeId)?.source))?.position;
                  if (position) canvasBridge()?.reveal(position);
                }}
              >
                <span className="ef-problem-icon" aria-hidden="true">!</span>
                <span>{problem.text}</span>
              </button>
              {fixable && target.nodeId && (
                <span className="ef-problem-fixes">
                  <button type="button" onClick={() => commit(setPublisherLimit(useAppStore.getState().scenario, target.nodeId!, FIX_LIMIT), 'fixLimit')}>
                    {t('editor.problems.fixLimit')}
                  </button>
                  <button type="button" onClick={() => commit(setStopAt(useAppStore.getState().scenario, FIX_STOP_AT_MS), 'fixStopAt')}>
                    {t('editor.problems.fixStopAt')}
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
