// "Sweep this field": a small button beside a numeric inspector field that opens the Experiments tab with the
// field's JSON pointer chosen as the sweep parameter and a few values around the current one filled in.
import { useAppStore } from '../../store/store';
import { useExperimentStore } from '../../store/experimentStore';
import { useT } from '../i18n';
import { suggestValues } from './sweepValues';
import './sweepThisField.css';

export function SweepThisField({ pointer, current, integer }: { pointer: string; current: number | undefined; integer: boolean }) {
  const t = useT();
  const open = () => {
    const store = useExperimentStore.getState();
    const keep = store.pointer === pointer && store.valuesText.trim() !== '';
    store.set({ pointer, errors: {}, ...(keep ? {} : { valuesText: suggestValues(current, integer) }) });
    useAppStore.getState().setDockTab('experiments');
  };
  return (
    <button type="button" className="ef-sweep" aria-label={t('exp.sweepThisField')} title={`${t('exp.sweepThisField')}: ${pointer}`} onClick={open}>
      {t('exp.sweepShort')}
    </button>
  );
}
