// One uPlot chart that follows its container's width and takes new data without being rebuilt
// (rebuilt only when the series list changes). Imperative: React renders the box, uPlot draws.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  colour: string;
  dash?: number[];
}

export function UPlotChart({ title, series, data, yLabel, xLabel, height = 118 }: { title: string; series: ChartSeries[]; data: uPlot.AlignedData; yLabel: string; xLabel: string; height?: number }) {
  const boxRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const dataRef = useRef(data);
  dataRef.current = data;
  const seriesJson = JSON.stringify(series);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const specs = JSON.parse(seriesJson) as ChartSeries[];
    const opts: uPlot.Options = {
      width: Math.max(200, box.clientWidth),
      height,
      scales: { x: { time: false } },
      legend: { show: true, live: false },
      cursor: { drag: { x: false, y: false } },
      axes: [
        { label: xLabel, labelSize: 16, size: 28, font: '11px system-ui', labelFont: '11px system-ui', stroke: '#5d6675', grid: { stroke: '#eef0f3' } },
        { label: yLabel, labelSize: 16, size: 48, font: '11px system-ui', labelFont: '11px system-ui', stroke: '#5d6675', grid: { stroke: '#eef0f3' } },
      ],
      series: [{}, ...specs.map((s) => ({ label: s.label, stroke: s.colour, width: 1.5, dash: s.dash, points: { show: false } }))],
    };
    const plot = new uPlot(opts, dataRef.current, box);
    plotRef.current = plot;
    const observer = new ResizeObserver(() => plot.setSize({ width: Math.max(200, box.clientWidth), height }));
    observer.observe(box);
    return () => {
      observer.disconnect();
      plot.destroy();
      plotRef.current = null;
    };
  }, [seriesJson, height, xLabel, yLabel]);

  useEffect(() => {
    plotRef.current?.setData(data);
  }, [data]);

  return (
    <figure className="chart">
      <figcaption className="chart-title">{title}</figcaption>
      <div ref={boxRef} className="chart-box" role="img" aria-label={title} />
    </figure>
  );
}
