// The experiment's CSV (--csv and the browser's export, same bytes): one row per point and figure,
// `value,metric,mean,halfWidth,lower,upper,stdDev,n`, empty cells for nulls, numbers as JSON writes them.
import { csvField } from '../model/messagesCsv';
import type { ExperimentReport } from './types';

export const EXPERIMENT_CSV_HEADER = 'value,metric,mean,halfWidth,lower,upper,stdDev,n\n';

const cell = (value: number | null): string => (value === null ? '' : JSON.stringify(value));

export function experimentCsv(report: ExperimentReport): string {
  const rows: string[] = [EXPERIMENT_CSV_HEADER];
  for (const point of report.points) {
    const value = cell(point.value);
    for (const [metric, e] of Object.entries(point.estimates)) {
      rows.push(`${value},${csvField(metric)},${cell(e.mean)},${cell(e.halfWidth)},${cell(e.lower)},${cell(e.upper)},${cell(e.stdDev)},${e.n}\n`);
    }
  }
  return rows.join('');
}
