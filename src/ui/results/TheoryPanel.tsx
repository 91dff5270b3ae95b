// Queueing theory beside the simulation: for each queue-and-handler pair meeting a model's assumptions,
// the M/M/1, M/M/c, M/D/1 or M/G/1 prediction of ρ, Wq and Lq next to the measured values, and
// Little's law L = λW checked on every queue. Each formula is explained in a sentence.
import { useMemo } from 'react';
import type { Report } from '../../engine/types';
import { md1, mg1, mm1, mmc, type StationFigures } from '../../model/theory';
import { useAppStore } from '../../store/store';
import { formatNumber, useT, type MessageKey } from '../i18n';
import { theoryStations, type Station } from './analysis';
import { formatMs } from './format';
import './results.css';

function figures(station: Station): StationFigures {
  switch (station.model) {
    case 'mm1':
      return mm1(station.lambdaPerMs, 1 / station.meanServiceMs);
    case 'mmc':
      return mmc(station.lambdaPerMs, 1 / station.meanServiceMs, station.servers);
    case 'md1':
      return md1(station.lambdaPerMs, station.meanServiceMs);
    case 'mg1':
      return mg1(station.lambdaPerMs, station.meanServiceMs, station.secondMomentMs2);
  }
}

function Difference({ predicted, simulated }: { predicted: number; simulated: number | null }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  if (simulated === null || !Number.isFinite(predicted)) return <td className="num">–</td>;
  const relative = predicted === 0 ? (simulated === 0 ? 0 : Infinity) : (simulated - predicted) / predicted;
  const text = Number.isFinite(relative) ? t('unit.percent', { value: `${relative >= 0 ? '+' : ''}${formatNumber(language, relative * 100, 1)}` }) : '–';
  return <td className={`num${Math.abs(relative) > 0.1 ? ' theory-off' : ''}`}>{text}</td>;
}

function StationCard({ station, report }: { station: Station; report: Report }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const predicted = figures(station);
  const queue = report.nodes[station.queue];
  const handler = report.nodes[station.handler];
  if (queue?.type !== 'queue' || handler?.type !== 'handler') return null;
  const unstable = predicted.rho >= 1;
  const number = (value: number, digits = 3) => (Number.isFinite(value) ? formatNumber(language, value, digits) : '∞');
  const rows: { label: MessageKey; predicted: number; simulated: number | null; show: (v: number) => string }[] = [
    { label: 'run.theory.rho', predicted: predicted.rho, simulated: handler.utilization, show: (v) => number(v) },
    { label: 'run.theory.wait', predicted: predicted.waitMs, simulated: queue.wait.mean, show: (v) => (Number.isFinite(v) ? formatMs(language, v) : '∞') },
    { label: 'run.theory.lq', predicted: predicted.lq, simulated: queue.meanDepth, show: (v) => number(v) },
  ];
  const modelName = station.model === 'mmc' ? `M/M/${station.servers}` : station.model === 'mm1' ? 'M/M/1' : station.model === 'md1' ? 'M/D/1' : 'M/G/1';
  return (
    <section className="theory-card" aria-label={t('run.theory.station', { queue: station.queue, handler: station.handler })}>
      <h3>
        <span className="theory-model">{modelName}</span> {t('run.theory.station', { queue: station.queue, handler: station.handler })}
      </h3>
      <p className="theory-explain">{t(`run.theory.${station.model}`)}</p>
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
                <th scope="row">{id}</th>
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

export function TheoryPanel() {
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
        {stations.length === 0 && <p className="muted theory-none">{t('run.theory.none')}</p>}
        {stations.map((station) => (
          <StationCard key={station.queue} station={station} report={report} />
        ))}
        <LittlesLaw report={report} warmupMs={warmupMs} />
      </div>
    </div>
  );
}
