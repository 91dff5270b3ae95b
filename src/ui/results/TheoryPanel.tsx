// Queueing theory beside the simulation: for each queue or directly fed handler meeting a model's
// assumptions (Poisson publishers merged), the M/M/1, M/M/c, M/D/1 or M/G/1 prediction (M/D/c, M/G/c as
// labelled approximations) of ρ, Wq and Lq next to the measured values, whether the difference is within
// the run's sampling uncertainty (batch means), and Little's law on every queue.
import { useMemo, type ReactNode } from 'react';
import type { Report } from '../../engine/types';
import type { StationFigures } from '../../model/theory';
import type { WaitUncertainty } from '../../worker/protocol';
import { useAppStore } from '../../store/store';
import { formatNumber, useT, type MessageKey } from '../i18n';
import { namesOf } from '../names';
import { modelName, stationFigures, theoryStations, withinUncertainty, type Station } from './theoryStations';
import { formatMs, formatMsNumber, formatRateNumber } from './format';
import { PriorityClasses } from './TheoryPriority';
import './results.css';
import './seeing.css';

/** What a station card may show after its own comparison (the replications check fills it, see TheoryPanel's `extra`). */
export type TheoryExtra = (station: Station, predicted: StationFigures) => ReactNode;

function Difference({ predicted, simulated }: { predicted: number; simulated: number | null }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  if (simulated === null || !Number.isFinite(predicted)) return <td className="num">–</td>;
  const relative = predicted === 0 ? (simulated === 0 ? 0 : Infinity) : (simulated - predicted) / predicted;
  const text = Number.isFinite(relative) ? t('unit.percent', { value: `${relative >= 0 ? '+' : ''}${formatNumber(language, relative * 100, 1)}` }) : '–';
  return <td className={`num${Math.abs(relative) > 0.1 ? ' theory-off' : ''}`}>{text}</td>;
}

function Uncertainty({ predictedMs, simulatedMs, wait }: { predictedMs: number; simulatedMs: number | null; wait: WaitUncertainty | undefined }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  if (simulatedMs === null || !Number.isFinite(predictedMs)) return null;
  const ms = (value: number) => formatMsNumber(language, value);
  const within = withinUncertainty(predictedMs, simulatedMs, wait?.halfWidthMs ?? null);
  if (within === null || !wait || wait.halfWidthMs === null) return <p className="theory-uncertainty muted">{t('see.theory.tooFew', { count: String(wait?.count ?? 0) })}</p>;
  const vars = { sim: ms(simulatedMs), half: ms(wait.halfWidthMs), theory: ms(predictedMs), batches: String(wait.batches), size: String(wait.batchSize) };
  return (
    <p className={`theory-uncertainty${within ? '' : ' is-outside'}`} data-within={within}>
      {t(within ? 'see.theory.within' : 'see.theory.outside', vars)} {t(within ? 'see.theory.shrink' : 'see.theory.shrinkOutside')}
    </p>
  );
}

function StationCard({ station, report, extra }: { station: Station; report: Report; extra?: TheoryExtra }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const meta = useAppStore((s) => s.runMeta);
  const wait = useAppStore((s) => s.waits?.[station.queue]);
  const names = namesOf(meta?.nodes);
  const predicted = stationFigures(station);
  const queue = report.nodes[station.queue];
  const handler = report.nodes[station.handler];
  if (handler?.type !== 'handler' || (!station.direct && queue?.type !== 'queue')) return null;
  const unstable = predicted.rho >= 1;
  const number = (value: number, digits = 3) => (Number.isFinite(value) ? formatNumber(language, value, digits) : '∞');
  // a queue's wait is its stored time; a directly fed handler's is publish → read less the mean latency on the way in
  const simulatedWait = queue?.type === 'queue' ? queue.wait.mean : handler.publishToRead.mean === null ? null : Math.max(0, handler.publishToRead.mean - station.latencyMs);
  const rows: { label: MessageKey; predicted: number; simulated: number | null; show: (v: number) => string }[] = [
    { label: 'run.theory.rho', predicted: predicted.rho, simulated: handler.utilization, show: (v) => number(v) },
    { label: 'run.theory.wait', predicted: predicted.waitMs, simulated: simulatedWait, show: (v) => (Number.isFinite(v) ? formatMs(language, v) : '∞') },
    { label: 'run.theory.lq', predicted: predicted.lq, simulated: queue?.type === 'queue' ? queue.meanDepth : null, show: (v) => number(v) },
  ];
  const title = station.direct
    ? t('see.theory.stationHandler', { handler: names.name(station.handler), servers: String(station.servers) })
    : t('see.theory.stationQueue', { queue: names.name(station.queue), handler: names.name(station.handler) });
  const explain: MessageKey = station.model === 'mdc' ? 'see.theory.mdc' : station.model === 'mgc' ? 'see.theory.mgc' : `run.theory.${station.model}`;
  const rate = formatRateNumber(language, station.lambdaPerMs * 1000);
  return (
    <section className="theory-card" aria-label={title}>
      <h3>
        <span className="theory-model">{modelName(station)}</span> {title}
        {station.approximate && <span className="theory-approx">{t('see.theory.approx')}</span>}
      </h3>
      <p className="theory-explain">{t(explain)}</p>
      <p className="theory-explain">{station.publishers > 1 ? t('see.theory.merged', { count: String(station.publishers), rate }) : t('see.theory.single', { rate })}</p>
      {station.direct && station.latencyMs > 0 && <p className="theory-explain">{t('see.theory.latencyNote', { latency: formatMsNumber(language, station.latencyMs) })}</p>}
      {unstable && <p className="theory-unstable">{t('run.theory.unstable')}</p>}
      <table className="results-table">
        <thead>
          <tr>
            <th scope="col">{t('run.theory.quantity')}</th>
            <th scope="col" className="num">{t('run.theory.predicted')}</th>
            <th scope="col" className="num">{t('run.theory.simulated')}</th>
            <th scope="col" className="num">{t('run.theory.difference')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{t(row.label)}</th>
              <td className="num">{row.show(row.predicted)}</td>
              <td className="num">{row.simulated === null ? '–' : row.show(row.simulated)}</td>
              <Difference predicted={row.predicted} simulated={row.simulated} />
            </tr>
          ))}
        </tbody>
      </table>
      <PriorityClasses station={station} />
      {!unstable && <Uncertainty predictedMs={predicted.waitMs} simulatedMs={simulatedWait} wait={wait} />}
      {/* the replications check (experiments) goes here: does theory lie inside the replications' interval */}
      <div className="theory-extra" data-slot="replications">{extra?.(station, predicted)}</div>
    </section>
  );
}

function LittlesLaw({ report, warmupMs }: { report: Report; warmupMs: number }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const durationMs = report.endTime - warmupMs;
  const queues = Object.entries(report.nodes).filter(([, node]) => node.type === 'queue');
  if (queues.length === 0 || durationMs <= 0) return null;
  return (
    <section className="theory-card theory-little" aria-label={t('run.theory.little')}>
      <h3>{t('run.theory.little')}</h3>
      <p className="theory-explain">{t('run.theory.littleText')}</p>
      <table className="results-table">
        <thead>
          <tr>
            <th scope="col">{t('run.theory.queue')}</th>
            <th scope="col" className="num">{t('run.theory.littleL')}</th>
            <th scope="col" className="num">{t('run.theory.littleLambdaW')}</th>
            <th scope="col" className="num">{t('run.theory.difference')}</th>
          </tr>
        </thead>
        <tbody>
          {queues.map(([id, node]) => {
            if (node.type !== 'queue') return null;
            const lambdaPerMs = (node.received - node.dropped) / durationMs;
            const lambdaW = node.wait.mean === null ? null : lambdaPerMs * node.wait.mean;
            return (
              <tr key={id}>
                <th scope="row" title={id}>{node.label ?? id}</th>
                <td className="num">{formatNumber(language, node.meanDepth, 3)}</td>
                <td className="num">{lambdaW === null ? '–' : formatNumber(language, lambdaW, 3)}</td>
                <Difference predicted={node.meanDepth} simulated={lambdaW} />
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

export function TheoryPanel({ extra }: { extra?: TheoryExtra } = {}) {
  const t = useT();
  const report = useAppStore((s) => s.report);
  const scenario = useAppStore((s) => s.scenario);
  const warmupMs = useAppStore((s) => s.runMeta?.warmupMs ?? 0);
  const stations = useMemo(() => theoryStations(scenario), [scenario]);
  if (!report) return <p className="empty-hint">{t('run.theory.empty')}</p>;
  return (
    <div className="theory">
      <p className="theory-intro muted">{t('run.theory.intro')}</p>
      <div className="theory-grid">
        {stations.length === 0 && <p className="muted theory-none">{t('see.theory.none')}</p>}
        {stations.map((station) => (
          <StationCard key={station.queue} station={station} report={report} extra={extra} />
        ))}
        <LittlesLaw report={report} warmupMs={warmupMs} />
      </div>
    </div>
  );
}
