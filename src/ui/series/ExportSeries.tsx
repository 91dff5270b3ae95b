// "Export series" (architect.md "Time series"): the run's series per bucket as CSV or JSON, from the same
// code as `npm run sim -- FILE --series OUT` (re-run in the worker), so the bytes are the command line's.
import { useState } from 'react';
import { useT } from '../i18n';
import * as controller from '../run/runController';
import './series.css';

export function ExportSeries() {
  const t = useT();
  const [format, setFormat] = useState<'csv' | 'json'>('csv');
  const [busy, setBusy] = useState(false);
  return (
    <div className="export-series">
      <button
        type="button"
        disabled={busy}
        title={t('goals.exportSeries.hint')}
        onClick={() => {
          setBusy(true);
          void controller.exportSeries(format).finally(() => setBusy(false));
        }}
      >
        {t('goals.exportSeries')}
      </button>
      <select aria-label={t('goals.exportSeries.format')} value={format} onChange={(event) => setFormat(event.target.value === 'json' ? 'json' : 'csv')}>
        <option value="csv">{t('goals.exportSeries.csv')}</option>
        <option value="json">{t('goals.exportSeries.json')}</option>
      </select>
    </div>
  );
}
