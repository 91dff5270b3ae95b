// The sweep chart: the chosen figure's mean at each point (line with dots), its confidence band filled between
// the lower and upper bounds, and the theory curve where the Theory panel has a formula. uPlot, rebuilt per data.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface SweepPlotLabels { title: string; xLabel: string; yLabel: string; mean: string; band: string; theory: string }

export function SweepPlot({ labels, x, mean, lower, upper, theory }: {
  labels: SweepPlotLabels; x: number[]; mean: (number | null)[]; lower: (number | null)[]; upper: (number | null)[]; theory: (number | null)[] | null;
}) {
  const boxRef = useRef<HTMLDivElement>(null);
  const dataJson = JSON.stringify({ labels, x, mean, lower, upper, theory });
  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const d = JSON.parse(dataJson) as { labels: SweepPlotLabels; x: number[]; mean: (number | null)[]; lower: (number | null)[]; upper: (number | null)[]; theory: (number | null)[] | null };
    const withTheory = d.theory !== null && d.theory.some((v) => v !== null);
    const height = 220;
    const axis = { labelSize: 16, font: '11px system-ui', labelFont: '11px system-ui', stroke: '#5d6675', grid: { stroke: '#eef0f3' } };
    const opts: uPlot.Options = {
      width: Math.max(240, box.clientWidth),
      height,
      scales: { x: { time: false } },
      legend: { show: true, live: false },
      cursor: { drag: { x: false, y: false } },
      axes: [{ ...axis, label: d.labels.xLabel, size: 30, ...(d.x.length <= 12 ? { splits: () => d.x } : {}) }, { ...axis, label: d.labels.yLabel, size: 56 }],
      series: [
        {},
        { label: d.labels.mean, stroke: '#1f5fbf', width: 2, points: { show: true, size: 6, fill: '#1f5fbf' } },
        { label: d.labels.band, stroke: 'rgba(31,95,191,0.35)', width: 1, points: { show: false } },
        { label: '', stroke: 'rgba(31,95,191,0.35)', width: 1, points: { show: false } },
        ...(withTheory ? [{ label: d.labels.theory, stroke: '#b5541c', width: 1.5, dash: [5, 4], points: { show: true, size: 4, stroke: '#b5541c' } }] : []),
      ],
      // fill between the upper (3) and lower (2) bounds: the confidence band
      bands: [{ series: [3, 2], fill: 'rgba(31,95,191,0.16)' }],
    };
    const data: uPlot.AlignedData = withTheory && d.theory !== null ? [d.x, d.mean, d.lower, d.upper, d.theory] : [d.x, d.mean, d.lower, d.upper];
    const plot = new uPlot(opts, data, box);
    // the lower bound's legend entry stands for the band; the upper bound's is hidden
    const rows = box.querySelectorAll<HTMLElement>('.u-legend .u-series');
    const upperRow = rows[rows.length - (withTheory ? 2 : 1)];
    if (upperRow) upperRow.style.display = 'none';
    const observer = new ResizeObserver(() => plot.setSize({ width: Math.max(240, box.clientWidth), height }));
    observer.observe(box);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [dataJson]);
  return (
    <figure className="chart exp-chart">
      <figcaption className="chart-title">{labels.title}</figcaption>
      <div ref={boxRef} className="chart-box" role="img" aria-label={labels.title} data-band="filled" />
    </figure>
  );
}
