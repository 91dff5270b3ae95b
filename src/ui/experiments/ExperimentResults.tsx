// Results of the last experiment: the summary, a sweep chart of the chosen figure against the parameter with
// its confidence band (and theory, where there is a formula), the table (per point, or the main figures),
// CSV and JSON export (the CLI's bytes), and Keep as baseline / Compare with baseline.
import { experimentCsv } from '../../experiment/csv';
import { formatEstimate, mainFigures } from '../../experiment/figures';
import type { Estimate, ExperimentReport } from '../../experiment/types';
import { useExperimentStore } from '../../store/experimentStore';
import { useT } from '../i18n';
import { downloadBlob, safeFileName } from '../run/download';
import { compareReports } from './experimentModel';
import { SweepPlot } from './SweepPlot';

const pm = (e: Estimate) => {
  const text = formatEstimate(e);
  return text.halfWidth === null ? text.mean : `${text.mean} ± ${text.halfWidth}`;
};
const interval = (e: Estimate) => {
  if (e.lower === null || e.upper === null) return '–';
  const { decimals } = formatEstimate(e);
  return `[${e.lower.toFixed(decimals)}, ${e.upper.toFixed(decimals)}]`;
};

function SweepChart({ report, metric, theory }: { report: ExperimentReport; metric: string; theory: (number | null)[] | null }) {
  const t = useT();
  if (report.parameter === null) return null;
  const pick = (f: (e: Estimate) => number | null) => report.points.map((p) => (p.estimates[metric] === undefined ? null : f(p.estimates[metric])));
  const labels = { title: t('exp.chartTitle', { metric, parameter: report.parameter.pointer }), xLabel: report.parameter.pointer, yLabel: metric,
    mean: t('exp.seriesMean'), band: t('exp.seriesBand'), theory: t('exp.seriesTheory') };
  return <SweepPlot labels={labels} x={report.parameter.values} mean={pick((e) => e.mean)} lower={pick((e) => e.lower)} upper={pick((e) => e.upper)} theory={theory} />;
}

function Comparison({ baseline, report, metrics }: { baseline: ExperimentReport; report: ExperimentReport; metrics: string[] }) {
  const t = useT();
  const points = compareReports(baseline, report, metrics);
  if (points === null) return <p className="exp-error">{t('exp.notComparable')}</p>;
  return (
    <>
      {points.map((point) => (
        <table key={String(point.value)} className="exp-table" aria-label={`${t('exp.compare')}${point.value === null ? '' : ` ${point.value}`}`}>
          <thead>
            <tr><th scope="col">{t('exp.figure')}{point.value === null ? '' : ` (${point.value})`}</th><th scope="col">{t('exp.baseline')}</th><th scope="col">{t('exp.current')}</th>
              <th scope="col">{t('exp.difference')}</th><th scope="col">{t('exp.overlap')}</th></tr>
          </thead>
          <tbody>
            {point.rows.map((row) => (
              <tr key={row.metric}>
                <th scope="row">{row.metric}</th><td className="num">{pm(row.baseline)}</td><td className="num">{pm(row.current)}</td>
                <td className="num">{(row.difference >= 0 ? '+' : '') + row.difference.toFixed(formatEstimate(row.current).decimals)}</td>
                <td className={row.overlap === false ? 'exp-real' : undefined}>{row.overlap === null ? '–' : row.overlap ? t('exp.overlapYes') : t('exp.overlapNo')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}

export function ExperimentResults() {
  const t = useT();
  const { report, metric, theory, baseline, comparing, set } = useExperimentStore();
  if (report === null) return null;
  const percent = Number((report.confidence * 100).toFixed(1));
  const first = report.points[0];
  const metrics = mainFigures(Object.keys(first.estimates), [metric]).filter((p) => !(p.startsWith('/totals/') && first.estimates[p].mean === 0 && first.estimates[p].stdDev === 0));
  const name = safeFileName(report.scenario);
  return (
    <section className="exp-results" aria-label={t('dock.experiments')}>
      <p className="exp-summary">{t('exp.summary', { replications: report.replications, percent, seed: String(report.seed) })}</p>
      <div className="exp-row">
        <button type="button" onClick={() => downloadBlob(new Blob([experimentCsv(report)], { type: 'text/csv' }), `${name}.experiment.csv`)}>{t('exp.exportCsv')}</button>
        <button type="button" onClick={() => downloadBlob(new Blob([`${JSON.stringify(report, null, 2)}\n`], { type: 'application/json' }), `${name}.experiment.json`)}>{t('exp.exportJson')}</button>
        <button type="button" onClick={() => set({ baseline: report, comparing: false })}>{t('exp.keepBaseline')}</button>
        <button type="button" disabled={baseline === null} onClick={() => set({ comparing: true })}>{t('exp.compare')}</button>
        {baseline !== null && <span className="exp-note">{t('exp.baselineKept', { name: baseline.scenario })}</span>}
      </div>
      {comparing && baseline !== null && <Comparison baseline={baseline} report={report} metrics={metrics} />}
      <SweepChart report={report} metric={metric} theory={theory} />
      {report.parameter !== null ? (
        <table className="exp-table" aria-label={metric}>
          <thead><tr><th scope="col">{report.parameter.pointer}</th><th scope="col">{t('exp.meanHalfWidth')}</th><th scope="col">{t('exp.interval', { percent })}</th><th scope="col">{t('exp.n')}</th></tr></thead>
          <tbody>
            {report.points.map((point) => {
              const e = point.estimates[metric];
              return (
                <tr key={String(point.value)}>
                  <th scope="row">{point.value}</th><td className="num">{e === undefined ? '–' : pm(e)}</td><td className="num">{e === undefined ? '–' : interval(e)}</td><td className="num">{e?.n ?? 0}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <table className="exp-table" aria-label={t('exp.figure')}>
          <thead><tr><th scope="col">{t('exp.figure')}</th><th scope="col">{t('exp.meanHalfWidth')}</th><th scope="col">{t('exp.interval', { percent })}</th><th scope="col">{t('exp.n')}</th></tr></thead>
          <tbody>
            {metrics.map((m) => (
              <tr key={m}><th scope="row">{m}</th><td className="num">{pm(first.estimates[m])}</td><td className="num">{interval(first.estimates[m])}</td><td className="num">{first.estimates[m].n}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
