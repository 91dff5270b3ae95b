// Arrival editor: the six kinds (Poisson, constant rate, interval, burst, schedule, profile) and their parameters.
import type { Arrival } from '../../engine/types';
import { useT } from '../i18n';
import { DistributionEditor } from './DistributionEditor';
import { NumberField, NumberListField, SelectField } from './fields';
import { ProfileFields } from './ProfileEditor';

const KINDS: Arrival['kind'][] = ['poisson', 'constant', 'interval', 'burst', 'schedule', 'profile'];

/** Mean gap in ms of an arrival, to carry the rate over when the kind changes. */
function meanGapMs(a: Arrival): number {
  switch (a.kind) {
    case 'poisson':
    case 'constant': return 1000 / a.ratePerSecond;
    case 'interval': return a.gap.kind === 'exponential' ? a.gap.mean : a.gap.kind === 'constant' ? a.gap.value : 100;
    case 'burst': return a.every / Math.max(1, a.size);
    case 'schedule': return 100;
    case 'profile': return 1000 / Math.max(0.001, ...a.points.map((pt) => pt[1]));
  }
}

function withKind(kind: Arrival['kind'], previous: Arrival): Arrival {
  const gap = meanGapMs(previous);
  const rate = Math.round((1000 / gap) * 1000) / 1000 || 10;
  switch (kind) {
    case 'poisson': return { kind, ratePerSecond: rate };
    case 'constant': return { kind, ratePerSecond: rate };
    case 'interval': return { kind, gap: { kind: 'uniform', min: Math.round(gap / 2), max: Math.round(gap * 1.5) || 1 } };
    case 'burst': return { kind, size: 50, every: 1000 };
    case 'schedule': return { kind, times: [0, 100, 200, 300] };
    case 'profile': return { kind, shape: 'step', points: [[0, rate], [10_000, rate * 3], [20_000, rate]] };
  }
}

export function ArrivalEditor({ value, onChange, sweepBase }: { value: Arrival; onChange: (next: Arrival, coalesce?: string) => void; /** JSON pointer of this arrival: numeric fields offer "Sweep this field" */ sweepBase?: string }) {
  const t = useT();
  return (
    <fieldset className="ef-dist">
      <legend>{t('editor.arrival.legend')}</legend>
      <SelectField
        label={t('editor.arrival.kind')}
        value={value.kind}
        options={KINDS.map((k) => ({ value: k, label: t(`editor.arrival.kind.${k}`) }))}
        onChange={(k) => onChange(withKind(k, value))}
        hint={t(`editor.arrival.help.${value.kind}`)}
      />
      {(value.kind === 'poisson' || value.kind === 'constant') && (
        <NumberField
          label={t('editor.arrival.rate')}
          value={value.ratePerSecond}
          sweep={sweepBase && `${sweepBase}/ratePerSecond`}
          rule={{ min: 0, minExclusive: true }}
          onCommit={(v, c) => onChange({ ...value, ratePerSecond: v as number }, c)}
        />
      )}
      {value.kind === 'interval' && (
        <DistributionEditor sweepBase={sweepBase && `${sweepBase}/gap`} legend={t('editor.arrival.gap')} value={value.gap} onChange={(gap, c) => gap && onChange({ ...value, gap }, c)} />
      )}
      {value.kind === 'burst' && (
        <div className="ef-field-row">
          <NumberField label={t('editor.arrival.size')} value={value.size} sweep={sweepBase && `${sweepBase}/size`} rule={{ min: 1, integer: true }} onCommit={(v, c) => onChange({ ...value, size: v as number }, c)} />
          <NumberField label={t('editor.arrival.every')} value={value.every} sweep={sweepBase && `${sweepBase}/every`} rule={{ min: 0, minExclusive: true }} onCommit={(v, c) => onChange({ ...value, every: v as number }, c)} />
        </div>
      )}
      {value.kind === 'profile' && <ProfileFields value={value} onChange={onChange} pointsLabel="profile.points" pointsHint="profile.pointsHint" />}
      {value.kind === 'schedule' && (
        <NumberListField
          label={t('editor.arrival.times')}
          value={value.times}
          rule={{ min: 0, minCount: 1 }}
          onCommit={(times, c) => onChange({ ...value, times }, c)}
          hint={t('editor.arrival.timesHint')}
        />
      )}
    </fieldset>
  );
}
