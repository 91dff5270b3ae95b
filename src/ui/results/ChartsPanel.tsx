// Live charts (uPlot): queue depth over virtual time, throughput (completed and lost per second) and
// publish→done latency percentiles, plus the bottleneck call-outs (busiest handler, growing queues, ρ ≥ 1).
import { fitSpan } from './chartSpan';
import { useMemo } from 'react';
import type uPlot from 'uplot';
import { useAppStore } from '../../store/store';
import type { SeriesData } from '../../worker/protocol';
import { eventHue } from '../canvas/summary';
import { useT } from '../i18n';
import { busiestHandler, growingQueues, handlerLoads } from './analysis';
import { formatMsNumber, formatRateNumber } from './format';
import { UPlotChart, type ChartSeries } from './UPlotChart';
import { formatNumber } from '../i18n';
import { namesOf } from '../names';
import './results.css';
import { ExportSeries } from '../series/ExportSeries';

const withGaps = (values: Float64Array): (number | null)[] => Array.from(values, (v) => (Number.isNaN(v) ? null : v));

function Bottlenecks({ series }: { series: SeriesData | null }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const scenario = useAppStore((s) => s.scenario);
  const report = useAppStore((s) => s.report);
  const names = namesOf(scenario.nodes);
  const loads = useMemo(() => handlerLoads(scenario), [scenario]);
  const unstable = loads.filter((load) => load.rho >= 1 && load.unbounded);
  const busiest = report ? busiestHandler(report) : undefined;
  const growing = series ? growingQueues(series) : [];
  const lines: { text: string; severe: boolean }[] = [];
  for (const load of unstable) {
    lines.push({
      severe: true,
      text: t('run.bottleneck.unstable', {
        node: names.name(load.queue ?? load.handler),
        rho: formatNumber(language, load.rho, 2),
        rate: formatRateNumber(language, load.arrivalPerMs * 1000),
        service: formatMsNumber(language, load.meanServiceMs),
        concurrency: String(load.concurrency),
      }),
    });
  }
  for (const queue of growing) lines.push({ severe: true, text: t('run.bottleneck.growing', { node: names.name(queue.id), from: String(queue.from), to: String(queue.to) }) });
  if (busiest) lines.push({ severe: busiest.utilization > 0.9, text: t('run.bottleneck.busiest', { node: names.name(busiest.id), utilization: formatNumber(language, busiest.utilization * 100, 1) }) });
  if (lines.length === 0 && report) lines.push({ severe: false, text: t('run.bottleneck.none') });
  if (lines.length === 0) return null;
  return (
    <section className="bottlenecks" aria-label={t('run.bottleneck.title')}>
      <h3>{t('run.bottleneck.title')}</h3>
      <ul>
        {lines.map((line, i) => (
          <li key={i} className={line.severe ? 'is-severe' : undefined}>{line.text}</li>
        ))}
      </ul>
    </section>
  );
}

export function ChartsPanel() {
  const t = useT();
  const rawSeries = useAppStore((s) => s.series);
  const meta = useAppStore((s) => s.runMeta);
  const finished = useAppStore((s) => s.report !== null);
  // a finished run's charts end where its activity ended, not at a later stop time
  const series = useMemo(() => (rawSeries && finished ? fitSpan(rawSeries) : rawSeries), [rawSeries, finished]);
  const charts = useMemo(() => {
    if (!series || series.length === 0) return null;
    const names = namesOf(meta?.nodes);
    const depthSeries: ChartSeries[] = series.depthNodeIds.map((id) => ({ label: names.name(id), colour: `hsl(${eventHue(id)} 60% 45%)` }));
    const depthData = [series.timeMs, ...series.depth] as uPlot.AlignedData;
    const throughputData = [series.timeMs, series.completedPerSecond, series.lossesPerSecond] as uPlot.AlignedData;
    const latencyData = [series.timeMs, withGaps(series.latencyP50Ms), withGaps(series.latencyP95Ms), withGaps(series.latencyP99Ms)] as uPlot.AlignedData;
    return { depthSeries, depthData, throughputData, latencyData };
  }, [series, meta]);

  if (!charts) return <><ExportSeries /><p className="empty-hint">{t('run.charts.empty')}</p></>;
  return (
    <div className="charts">
      <ExportSeries />
      <Bottlenecks series={series} />
      <div className="charts-row">
        <UPlotChart title={t('run.charts.depth')} series={charts.depthSeries} data={charts.depthData} xLabel={t('run.charts.time')} yLabel={t('run.charts.messages')} />
        <UPlotChart
          title={t('run.charts.throughput')}
          series={[{ label: t('run.charts.completed'), colour: '#2f6fde' }, { label: t('run.charts.losses'), colour: '#d0342c' }]}
          data={charts.throughputData}
          xLabel={t('run.charts.time')}
          yLabel={t('run.charts.perSecond')}
        />
        <UPlotChart
          title={t('run.charts.latency')}
          series={[{ label: 'p50', colour: '#1d8a4e' }, { label: 'p95', colour: '#b7791f' }, { label: 'p99', colour: '#d0342c', dash: [4, 3] }]}
          data={charts.latencyData}
          xLabel={t('run.charts.time')}
          yLabel={t('run.charts.ms')}
        />
      </div>
    </div>
  );
}
