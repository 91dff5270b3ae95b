// Profile fields (architect.md "Traffic that changes over time"): shape, the points as "time, value"
// lines in a text area, and repeat. Used by the profile arrival and a handler's service/failure profiles.
import type { Profile } from '../../engine/types';
import type { HandlerNode } from '../../model/types';
import { useT, type MessageKey } from '../i18n';
import { CheckboxField, DraftField, NumberField, SelectField, Section } from './fields';
import type { Parsed } from './validate';
import { useNodeUpdate } from './useUpdate';

type Points = [number, number][];

/** "time, value" per line (commas, spaces or tabs between); blank lines skipped */
export function parsePoints(text: string): Parsed<Points> {
  const points: Points = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    const parts = line.split(/[\s,;]+/).filter((p) => p !== '').map(Number);
    if (parts.length !== 2 || !parts.every(Number.isFinite)) return { ok: false, error: { key: 'profile.pointsError', vars: { line: i + 1 } } };
    points.push([parts[0], parts[1]]);
  }
  if (points.length === 0) return { ok: false, error: { key: 'editor.field.required' } };
  return { ok: true, value: points };
}

const samePoints = (a: Points, b: Points): boolean => a.length === b.length && a.every((p, i) => p[0] === b[i][0] && p[1] === b[i][1]);

export function ProfileFields<P extends Profile>({ value, onChange, pointsLabel, pointsHint }: { value: P; onChange: (next: P, coalesce?: string) => void; pointsLabel: MessageKey; pointsHint: MessageKey }) {
  const t = useT();
  return (
    <>
      <SelectField
        label={t('profile.shape')}
        value={value.shape ?? 'step'}
        options={(['step', 'linear'] as const).map((shape) => ({ value: shape, label: t(`profile.shape.${shape}`) }))}
        onChange={(shape) => onChange({ ...value, shape: shape === 'step' && value.shape === undefined ? undefined : shape })}
      />
      <DraftField<Points>
        label={t(pointsLabel)}
        value={value.points}
        format={(points) => points.map(([time, v]) => `${time}, ${v}`).join('\n')}
        check={parsePoints}
        same={samePoints}
        onCommit={(points, c) => onChange({ ...value, points }, c)}
        hint={t(pointsHint)}
        multiline
      />
      <NumberField label={t('profile.repeat')} value={value.repeat} rule={{ min: 0, minExclusive: true, optional: true }} placeholder={t('editor.field.never')}
        onCommit={(repeat, c) => onChange({ ...value, repeat }, c)} hint={t('profile.repeatHint')} />
    </>
  );
}

/** a handler's brown-out: optional service-time and failure-rate profiles */
export function HandlerProfiles({ node }: { node: HandlerNode }) {
  const t = useT();
  const update = useNodeUpdate(node.id);
  const fresh = (value: number): Profile => ({ shape: 'step', points: [[0, value]] });
  const block = (key: 'serviceProfile' | 'failureProfile', label: MessageKey, hint: MessageKey, start: number) => {
    const value = node[key];
    return (
      <fieldset className="ef-dist">
        <legend>{t(label)}</legend>
        <CheckboxField label={`${t('profile.enable')}: ${t(label)}`} checked={value !== undefined} onChange={(on) => update<HandlerNode>({ [key]: on ? fresh(start) : undefined })} />
        {value !== undefined && <ProfileFields value={value} pointsLabel="profile.valuePoints" pointsHint={hint} onChange={(next, c) => update<HandlerNode>({ [key]: next }, c)} />}
      </fieldset>
    );
  };
  return (
    <Section title={t('profile.brownOut')}>
      {block('serviceProfile', 'profile.service', 'profile.serviceHint', 1)}
      {block('failureProfile', 'profile.failure', 'profile.failureHint', node.failureRate ?? 0)}
    </Section>
  );
}
