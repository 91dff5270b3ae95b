// Results: live totals during a run; after it, the totals, the latency table (mean, p50, p95, p99, max),
// a latency histogram and the per-node table, plus exporting the JSON report and the messages CSV.
import type { NodeReport, Report, Stats, Totals } from '../../engine/types';
import { useAppStore } from '../../store/store';
import { resultsAreStale } from '../../store/runSlice';
import { useT, type MessageKey } from '../i18n';
import * as controller from '../run/runController';
import { formatCount, formatMs, formatMsNumber, formatPercent } from './format';
import { LatencyHistogram } from './LatencyHistogram';
import './results.css';
import './stopped.css';

const TOTAL_KEYS: (keyof Totals)[] = ['published', 'emitted', 'sent', 'completed', 'retried', 'dropped', 'expired', 'deadLettered', 'failed', 'inFlight'];
const LOSS_KEYS = new Set<keyof Totals>(['dropped', 'expired', 'deadLettered', 'failed']);
const LATENCY_KEYS: Exclude<keyof Report['latency'], 'endToEndBySink'>[] = ['publishToRead', 'publishToDone', 'endToEnd'];
const STAT_KEYS: ('mean' | 'p50' | 'p95' | 'p99' | 'max')[] = ['mean', 'p50', 'p95', 'p99', 'max'];

function TotalsList({ totals }: { totals: Totals }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  return (
    <section className="results-card results-totals-card" aria-labelledby="results-totals">
      <h3 id="results-totals">{t('run.results.totals')}</h3>
      <dl className="results-totals" title={t('run.results.invariant')}>
        {TOTAL_KEYS.map((key) => (
          <div key={key} className={LOSS_KEYS.has(key) && totals[key] > 0 ? 'is-loss' : undefined}>
            <dt>{t(`run.total.${key}`)}</dt>
            <dd className="num" data-total={key} data-value={totals[key]}>{formatCount(language, totals[key])}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function LatencyTable({ latency }: { latency: Report['latency'] }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  return (
    <section className="results-card results-latency-card" aria-labelledby="results-latency">
      <h3 id="results-latency">{t('run.results.latency')}</h3>
      <table className="results-table" aria-labelledby="results-latency">
        <thead>
          <tr>
            <th scope="col"><span className="visually-hidden">{t('run.latency.kind')}</span></th>
            <th scope="col" className="num">{t('run.stat.count')}</th>
            {STAT_KEYS.map((key) => (
              <th key={key} scope="col" className="num">{t(`run.stat.${key}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {LATENCY_KEYS.map((kind) => {
            const stats: Stats = latency[kind];
            return (
              <tr key={kind} data-latency={kind}>
                <th scope="row">{t(`run.latency.${kind}`)}</th>
                <td className="num" data-stat="count" data-value={stats.count}>{formatCount(language, stats.count)}</td>
                {STAT_KEYS.map((key) => (
                  <td key={key} className="num" data-stat={key} data-value={stats[key] ?? ''}>{formatMs(language, stats[key])}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function nodeCells(node: NodeReport) {
  switch (node.type) {
    case 'publisher':
      return { in: null, done: node.published, lost: null, depth: null, wait: null, utilization: null, service: null };
    case 'topic':
      return { in: node.received, done: null, lost: null, depth: null, wait: null, utilization: null, service: null };
    case 'queue':
      return { in: node.received, done: null, lost: node.dropped + node.expired + node.deadLettered, depth: [node.meanDepth, node.maxDepth] as const, wait: node.wait, utilization: null, service: null };
    case 'handler':
      return { in: node.attempts, done: node.completed, lost: node.failed, depth: null, wait: node.publishToRead, utilization: node.utilization, service: node.service.mean };
  }
}

function NodesTable({ nodes }: { nodes: Report['nodes'] }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const dash = '–';
  return (
    <section className="results-card results-nodes" aria-labelledby="results-nodes">
      <h3 id="results-nodes">{t('run.results.nodes')}</h3>
      <table className="results-table" aria-labelledby="results-nodes">
        <thead>
          <tr>
            {(['id', 'type', 'in', 'done', 'lost', 'depth', 'wait', 'utilization', 'service'] as const).map((key) => (
              <th key={key} scope="col" className={key === 'id' || key === 'type' ? undefined : 'num'}>{t(`run.node.${key}` as MessageKey)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Object.entries(nodes).map(([id, node]) => {
            const cells = nodeCells(node);
            return (
              <tr key={id} data-node={id}>
                <th scope="row" className="results-node-id" title={node.label !== undefined ? `${node.label} (${id})` : id}>
                  {node.label ?? id}
                  {node.label !== undefined && node.label !== id && <span className="results-node-secondary">{id}</span>}
                </th>
                <td>{t(`run.type.${node.type}`)}</td>
                <td className="num">{cells.in === null ? dash : formatCount(language, cells.in)}</td>
                <td className="num">{cells.done === null ? dash : formatCount(language, cells.done)}</td>
                <td className={`num${cells.lost ? ' is-loss' : ''}`}>{cells.lost === null ? dash : formatCount(language, cells.lost)}</td>
                <td className="num">{cells.depth ? `${formatCount(language, Math.round(cells.depth[0] * 100) / 100)} / ${formatCount(language, cells.depth[1])}` : dash}</td>
                <td className="num">{cells.wait ? `${formatMs(language, cells.wait.mean)} / ${formatMs(language, cells.wait.p95)}` : dash}</td>
                <td className="num" data-utilization={cells.utilization ?? ''}>{cells.utilization === null ? dash : formatPercent(language, cells.utilization)}</td>
                <td className="num">{cells.service === null ? dash : formatMs(language, cells.service)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

export function ResultsPanel() {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const report = useAppStore((s) => s.report);
  const totals = useAppStore((s) => s.liveSnapshot?.totals);
  const status = useAppStore((s) => s.runStatus);
  const histogram = useAppStore((s) => s.series?.histogram);
  const stale = useAppStore(resultsAreStale);
  const loaded = useAppStore((s) => s.runMeta !== null);
  const runError = useAppStore((s) => s.runError);

  if (!report && !totals) {
    return (
      <div className="results-empty">
        <p className="results-empty-title">{t('run.results.empty')}</p>
        <p className="muted">{t('run.results.emptyHint')}</p>
      </div>
    );
  }
  const live = !report;
  const failed = live && status === 'failed';
  return (
    <div className={`results${stale ? ' is-stale' : ''}`}>
      <div className="results-head">
        <span className={`results-status${failed ? ' is-failed' : live ? ' is-live' : ''}`} role={failed ? 'alert' : undefined}>
          {failed
            ? t('run.results.failedAt', { reason: runError ?? '' })
            : live
            ? `${t('run.results.live')} · ${t(`run.status.${status}`)}`
            : t('run.results.endTime', { time: formatMsNumber(language, report.endTime), seed: String(report.seed), events: formatCount(language, report.perf.events), wall: formatCount(language, report.perf.wallMs) })}
        </span>
        {stale && <span className="run-badge run-badge-stale">{t('run.stale')}</span>}
        <span className="results-actions">
          <button onClick={controller.exportReport} disabled={!report} title={t('run.results.exportReportTitle')}>{t('run.results.exportReport')}</button>
          <button onClick={() => void controller.exportMessagesCsv()} disabled={!loaded} title={t('run.results.exportCsvTitle')}>{t('run.results.exportCsv')}</button>
        </span>
      </div>
      {report?.stopped && (
        <p className="results-stopped" role="alert" data-budget={report.stopped.budget}>
          {t(report.stopped.budget === 'events' ? 'reliability.stoppedEvents' : 'reliability.stoppedCopies', { time: formatMsNumber(language, report.stopped.atMs), limit: formatCount(language, report.stopped.limit) })}
        </p>
      )}
      <div className="results-grid">
        <TotalsList totals={report?.totals ?? totals!} />
        {report && <LatencyTable latency={report.latency} />}
        {histogram && (
          <section className="results-card results-histogram-card" aria-labelledby="results-histogram">
            <h3 id="results-histogram">{t('run.results.histogram')}</h3>
            <LatencyHistogram histogram={histogram} />
          </section>
        )}
      </div>
      {report && <NodesTable nodes={report.nodes} />}
    </div>
  );
}
