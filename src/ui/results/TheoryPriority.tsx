// Per-class waits of a priority queue in the Theory panel (architect.md "Priorities"): Cobham's
// non-preemptive priority M/G/1 mean wait and time in system for each priority arriving, highest first.
import { priorityMg1 } from '../../model/theoryPriority';
import { useAppStore } from '../../store/store';
import { useT } from '../i18n';
import { formatMs } from './format';
import type { Station } from './theoryStations';
import './priority.css';

export function PriorityClasses({ station }: { station: Station }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  if (!station.classes) return null;
  const figures = priorityMg1(station.classes.map((c) => ({ ...c, meanServiceMs: station.meanServiceMs, secondMomentMs2: station.secondMomentMs2 })));
  const ms = (v: number) => (Number.isFinite(v) ? formatMs(language, v) : '∞');
  return (
    <table className="results-table theory-classes">
      <caption>{t('priority.theoryCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('priority.priority')}</th>
          <th scope="col" className="num">{t('priority.theoryWait')}</th>
          <th scope="col" className="num">{t('priority.theorySojourn')}</th>
        </tr>
      </thead>
      <tbody>
        {figures.map((c) => (
          <tr key={c.priority}>
            <th scope="row">{t('priority.theoryClass', { priority: String(c.priority) })}</th>
            <td className="num">{ms(c.waitMs)}</td>
            <td className="num">{ms(c.sojournMs)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
