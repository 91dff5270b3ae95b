// Outage windows of a handler: a list of [start, end) rows in ms, add and remove.
import { useT } from '../i18n';
import { NumberField } from './fields';

type Outage = { start: number; end: number };

export function OutagesEditor({ value, onChange }: { value: Outage[]; onChange: (next: Outage[], coalesce?: string) => void }) {
  const t = useT();
  const replace = (index: number, outage: Outage, coalesce: string) => onChange(value.map((o, i) => (i === index ? outage : o)), `outage${index}:${coalesce}`);
  return (
    <div className="ef-outages">
      {value.length === 0 && <p className="ef-muted-note">{t('editor.outages.none')}</p>}
      {value.map((outage, index) => (
        <div className="ef-outage" key={index} role="group" aria-label={t('editor.outages.row', { n: index + 1 })}>
          <NumberField label={t('editor.outages.start')} value={outage.start} rule={{ min: 0, ...(outage.end !== undefined ? { max: outage.end, maxExclusive: true } : {}) }} onCommit={(v, c) => replace(index, { ...outage, start: v as number }, c)} />
          <NumberField label={t('editor.outages.end')} value={outage.end} rule={{ min: outage.start, minExclusive: true }} onCommit={(v, c) => replace(index, { ...outage, end: v as number }, c)} />
          <button type="button" className="ef-icon-button" aria-label={t('editor.outages.remove', { n: index + 1 })} onClick={() => onChange(value.filter((_, i) => i !== index))}>×</button>
        </div>
      ))}
      <button type="button" onClick={() => {
        const last = value[value.length - 1];
        const start = last ? last.end + 1000 : 1000;
        onChange([...value, { start, end: start + 1000 }]);
      }}>{t('editor.outages.add')}</button>
    </div>
  );
}
