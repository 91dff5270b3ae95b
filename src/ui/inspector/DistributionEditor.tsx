// Distribution editor: kind select, then that kind's parameters (all in ms), with a tiny SVG preview
// of the shape and its mean. Optional mode (edge latency) adds "none".
import type { Distribution } from '../../engine/types';
import { useFormatNumber, useT } from '../i18n';
import { densityCurve, distributionMean, DISTRIBUTION_KINDS, withKind } from './distributionMath';
import { NumberField, NumberListField, SelectField } from './fields';

type Commit = (value: Distribution | undefined, coalesce?: string) => void;

const positive = { min: 0, minExclusive: true } as const;
const nonNegative = { min: 0 } as const;

export function DistributionEditor({ legend, value, onChange, optional, sweepBase }: { legend: string; value: Distribution | undefined; onChange: Commit; optional?: boolean; /** JSON pointer of this distribution: numeric fields offer "Sweep this field" */ sweepBase?: string }) {
  const t = useT();
  const kind = value?.kind ?? 'none';
  const options = [
    ...(optional ? [{ value: 'none' as const, label: t('editor.dist.kind.none') }] : []),
    ...DISTRIBUTION_KINDS.map((k) => ({ value: k, label: t(`editor.dist.kind.${k}`) })),
  ];
  const set = (patch: Partial<Record<string, number | number[] | undefined>>, coalesce: string) => {
    if (!value) return;
    onChange({ ...value, ...patch } as Distribution, coalesce);
  };
  const num = (v: number | undefined) => v as number;
  return (
    <fieldset className="ef-dist" aria-label={legend}>
      <legend>{legend}</legend>
      <SelectField
        label={t('editor.dist.kind')}
        value={kind}
        options={options}
        onChange={(k) => onChange(k === 'none' ? undefined : withKind(k, value ? distributionMean(value) : 50))}
      />
      {value?.kind === 'constant' && <NumberField label={t('editor.dist.value')} value={value.value} sweep={sweepBase && `${sweepBase}/value`} rule={nonNegative} onCommit={(v, c) => set({ value: num(v) }, c)} />}
      {value?.kind === 'exponential' && <NumberField label={t('editor.dist.mean')} value={value.mean} sweep={sweepBase && `${sweepBase}/mean`} rule={positive} onCommit={(v, c) => set({ mean: num(v) }, c)} />}
      {value?.kind === 'uniform' && (
        <div className="ef-field-row">
          <NumberField label={t('editor.dist.min')} value={value.min} sweep={sweepBase && `${sweepBase}/min`} rule={{ min: 0, ...(value.max !== undefined ? { max: value.max } : {}) }} onCommit={(v, c) => set({ min: num(v) }, c)} />
          <NumberField label={t('editor.dist.max')} value={value.max} sweep={sweepBase && `${sweepBase}/max`} rule={{ min: value.min }} onCommit={(v, c) => set({ max: num(v) }, c)} />
        </div>
      )}
      {(value?.kind === 'normal' || value?.kind === 'lognormal') && (
        <div className="ef-field-row">
          <NumberField label={t('editor.dist.mean')} value={value.mean} sweep={sweepBase && `${sweepBase}/mean`} rule={value.kind === 'lognormal' ? positive : nonNegative} onCommit={(v, c) => set({ mean: num(v) }, c)} />
          <NumberField label={t('editor.dist.sd')} value={value.sd} sweep={sweepBase && `${sweepBase}/sd`} rule={value.kind === 'lognormal' ? nonNegative : nonNegative} onCommit={(v, c) => set({ sd: num(v) }, c)} />
        </div>
      )}
      {value?.kind === 'erlang' && (
        <div className="ef-field-row">
          <NumberField label={t('editor.dist.k')} value={value.k} sweep={sweepBase && `${sweepBase}/k`} rule={{ min: 1, integer: true }} onCommit={(v, c) => set({ k: num(v) }, c)} />
          <NumberField label={t('editor.dist.mean')} value={value.mean} sweep={sweepBase && `${sweepBase}/mean`} rule={positive} onCommit={(v, c) => set({ mean: num(v) }, c)} />
        </div>
      )}
      {value?.kind === 'empirical' && (
        <NumberListField label={t('editor.dist.values')} value={value.values} rule={{ min: 0, minCount: 1 }} onCommit={(v, c) => set({ values: v }, c)} hint={t('editor.dist.valuesHint')} />
      )}
      {value && <DistributionPreview value={value} />}
    </fieldset>
  );
}

export function DistributionPreview({ value }: { value: Distribution }) {
  const t = useT();
  const fmt = useFormatNumber();
  const width = 200;
  const height = 44;
  const pad = 3;
  const curve = densityCurve(value);
  const sx = (x: number) => pad + (x / curve.xMax) * (width - 2 * pad);
  const sy = (y: number) => height - pad - y * (height - 2 * pad - 4);
  const mean = distributionMean(value);
  const area = curve.points.length
    ? `M${sx(0)},${sy(0)} ` + curve.points.map(([x, y]) => `L${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join(' ') + ` L${sx(curve.xMax)},${sy(0)} Z`
    : '';
  return (
    <div className="ef-dist-preview">
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('editor.dist.previewAria', { mean: fmt(mean, 2) })}>
        <line x1={pad} x2={width - pad} y1={height - pad} y2={height - pad} className="ef-dist-axis" />
        {area && <path d={area} className="ef-dist-area" />}
        {curve.spikes.map(([x, h], i) => <line key={i} x1={sx(x)} x2={sx(x)} y1={sy(0)} y2={sy(h)} className="ef-dist-spike" />)}
        <line x1={sx(mean)} x2={sx(mean)} y1={2} y2={height - pad} className="ef-dist-mean" />
      </svg>
      <span className="ef-dist-mean-text">{t('editor.dist.meanText', { mean: fmt(mean, 2) })}</span>
    </div>
  );
}
