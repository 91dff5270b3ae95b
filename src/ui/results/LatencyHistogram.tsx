// A small SVG histogram of publish→done latency (log-spaced bins, grouped to at most ~36 bars).
import type { SeriesData } from '../../worker/protocol';
import { useAppStore } from '../../store/store';
import { useT } from '../i18n';
import { formatCount, formatMs, formatMsNumber } from './format';

const MAX_BARS = 36;

export function LatencyHistogram({ histogram }: { histogram: SeriesData['histogram'] }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const bins = histogram.count.length;
  if (bins === 0) return <p className="muted results-hint">{t('run.results.histogramEmpty')}</p>;
  const group = Math.ceil(bins / MAX_BARS);
  const bars: { lower: number; upper: number; count: number }[] = [];
  for (let i = 0; i < bins; i += group) {
    let count = 0;
    for (let k = i; k < Math.min(bins, i + group); k++) count += histogram.count[k];
    bars.push({ lower: histogram.lowerMs[i], upper: histogram.upperMs[Math.min(bins, i + group) - 1], count });
  }
  const max = Math.max(...bars.map((b) => b.count));
  const width = 100 / bars.length;
  return (
    <figure className="results-histogram">
      <svg viewBox="0 0 100 40" preserveAspectRatio="none" role="img" aria-label={t('run.results.histogram')}>
        {bars.map((bar, i) => {
          const height = max > 0 ? (bar.count / max) * 38 : 0;
          return (
            <rect key={i} x={i * width + width * 0.08} y={40 - height} width={width * 0.84} height={height} className="results-histogram-bar">
              <title>{t('run.results.histogramBar', { from: formatMsNumber(language, bar.lower), to: formatMsNumber(language, bar.upper), count: formatCount(language, bar.count) })}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption className="results-histogram-axis">
        <span>{formatMs(language, bars[0].lower)}</span>
        <span>{formatMs(language, bars[bars.length - 1].upper)}</span>
      </figcaption>
    </figure>
  );
}
