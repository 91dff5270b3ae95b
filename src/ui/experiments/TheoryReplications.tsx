// What the Theory panel shows in each station card's replications slot: the replications' confidence interval
// of the predicted figure and whether the formula lies inside it, or a suggestion to run replications.
import type { ReactNode } from 'react';
import { formatEstimate } from '../../experiment/figures';
import type { StationFigures } from '../../model/theory';
import { useAppStore } from '../../store/store';
import { useExperimentStore } from '../../store/experimentStore';
import { useT } from '../i18n';
import type { Station } from '../results/theoryStations';
import { theoryCheck } from './theoryCheck';
import './experiments.css';

function TheoryReplicationsNote({ station, predicted }: { station: Station; predicted: StationFigures }) {
  const t = useT();
  const scenario = useAppStore((s) => s.scenario);
  const report = useExperimentStore((s) => (s.report !== null && s.reportScenario === scenario ? s.report : null));
  const check = theoryCheck(station, predicted, report);
  if (check.kind === 'none') return null;
  if (check.kind === 'suggest') return <p className="exp-theory muted" data-replications="none">{t('exp.theorySuggest')}</p>;
  const { decimals } = formatEstimate({ mean: (check.lower + check.upper) / 2, halfWidth: (check.upper - check.lower) / 2 });
  const vars = { n: check.n, percent: String(Number((check.confidence * 100).toFixed(1))), lower: check.lower.toFixed(decimals), upper: check.upper.toFixed(decimals) };
  return (
    <p className={`exp-theory${check.inside ? '' : ' is-outside'}`} data-replications={check.inside ? 'inside' : 'outside'}>
      <strong>{t(check.quantity === 'wait' ? 'exp.theoryWait' : 'exp.theoryRho')}:</strong> {t(check.inside ? 'exp.theoryInside' : 'exp.theoryOutside', vars)}
    </p>
  );
}

/** the TheoryPanel `extra` that fills the replications slot */
export const theoryReplications = (station: Station, predicted: StationFigures): ReactNode => <TheoryReplicationsNote station={station} predicted={predicted} />;
