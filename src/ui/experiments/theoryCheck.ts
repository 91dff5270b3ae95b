// The Theory panel's replications check: for a station, the figure the formula predicts (a queue's mean wait,
// or a directly fed handler's utilization), the replications' interval of it, and whether the formula lies inside.
import type { ExperimentReport } from '../../experiment/types';
import { pointerOf } from '../../experiment/pointer';
import type { StationFigures } from '../../model/theory';
import type { Station } from '../results/theoryStations';

export type TheoryCheck =
  | { kind: 'none' }
  | { kind: 'suggest' }
  | { kind: 'interval'; quantity: 'wait' | 'rho'; predicted: number; n: number; lower: number; upper: number; inside: boolean; confidence: number };

/** `report` counts only when it is a replications run (no sweep) of the scenario now shown */
export function theoryCheck(station: Station, predicted: StationFigures, report: ExperimentReport | null): TheoryCheck {
  const quantity = station.direct ? 'rho' : 'wait';
  const value = quantity === 'wait' ? predicted.waitMs : predicted.rho;
  if (predicted.rho >= 1 || !Number.isFinite(value)) return { kind: 'none' };
  if (report === null || report.parameter !== null) return { kind: 'suggest' };
  const metric = quantity === 'wait' ? pointerOf(['nodes', station.queue, 'wait', 'mean']) : pointerOf(['nodes', station.handler, 'utilization']);
  const estimate = report.points[0]?.estimates[metric];
  if (estimate === undefined || estimate.lower === null || estimate.upper === null) return { kind: 'suggest' };
  return {
    kind: 'interval', quantity, predicted: value, n: estimate.n, lower: estimate.lower, upper: estimate.upper,
    inside: estimate.lower <= value && value <= estimate.upper, confidence: report.confidence,
  };
}
