// Inspector inputs. Each keeps a local draft of what is typed; a valid value is committed at once, an
// invalid one is flagged at the field (aria-invalid + message) and never reaches the model.
import { useId, useRef, useState, type ReactNode } from 'react';
import { SweepThisField } from '../experiments/SweepThisField';
import { useT } from '../i18n';
import { checkNumber, checkNumberList, formatNumberText, type FieldError, type NumberRule, type Parsed } from './validate';

let focusSession = 0;
/** A fresh coalescing key per focus of a field: one typing session = one undo step. */
function useSession(): [() => string, () => void] {
  const session = useRef(0);
  return [() => `field:${session.current}`, () => { session.current = ++focusSession; }];
}

interface DraftFieldProps<T> {
  label: string;
  value: T;
  format: (value: T) => string;
  check: (text: string) => Parsed<T>;
  same: (a: T, b: T) => boolean;
  onCommit: (value: T, coalesce: string) => void;
  hint?: ReactNode;
  placeholder?: string;
  multiline?: boolean;
  inputMode?: 'decimal' | 'numeric' | 'text';
  maxLength?: number;
  /** shown at the label's right (e.g. "Sweep this field") */
  action?: ReactNode;
}

export function DraftField<T>({ label, value, format, check, same, onCommit, hint, placeholder, multiline, inputMode, maxLength, action }: DraftFieldProps<T>) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState(() => format(value));
  const [shownValue, setShownValue] = useState(value);
  const [error, setError] = useState<FieldError | null>(null);
  const [sessionKey, newSession] = useSession();
  // the model changed from elsewhere (undo, one-click fix): show it, unless the draft already means it
  if (!same(shownValue, value)) {
    setShownValue(value);
    const current = check(draft);
    if (!current.ok || !same(current.value, value)) {
      setDraft(format(value));
      setError(null);
    }
  }
  const onChange = (text: string) => {
    setDraft(text);
    const result = check(text);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    if (!same(result.value, value)) {
      setShownValue(result.value);
      onCommit(result.value, sessionKey());
    }
  };
  const common = {
    id,
    value: draft,
    placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error || hint ? `${id}-msg` : undefined,
    onFocus: newSession,
    onBlur: () => {
      if (!error) setDraft(format(value));
    },
    maxLength,
  } as const;
  return (
    <div className={`ef-field${error ? ' has-error' : ''}`}>
      {action ? (
        <div className="ef-field-label-row"><label htmlFor={id}>{label}</label>{action}</div>
      ) : (
        <label htmlFor={id}>{label}</label>
      )}
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" inputMode={inputMode} autoComplete="off" spellCheck={false} onChange={(e) => onChange(e.target.value)} />
      )}
      {(error || hint) && (
        <div id={`${id}-msg`} className={error ? 'ef-field-error' : 'ef-field-hint'}>
          {error ? t(error.key, error.vars) : hint}
        </div>
      )}
    </div>
  );
}

export function NumberField(props: {
  label: string;
  value: number | undefined;
  rule: NumberRule;
  onCommit: (value: number | undefined, coalesce: string) => void;
  hint?: ReactNode;
  placeholder?: string;
  /** shown value = stored value × scale (e.g. 100 for a percentage of a probability) */
  scale?: number;
  /** the field's JSON pointer into the scenario (experiments.md): shows "Sweep this field" */
  sweep?: string;
}) {
  const scale = props.scale ?? 1;
  const toShown = (v: number | undefined) => (v === undefined ? undefined : roundScaled(v * scale));
  return (
    <DraftField<number | undefined>
      label={props.label}
      value={toShown(props.value)}
      format={formatNumberText}
      check={(text) => checkNumber(text, props.rule)}
      same={(a, b) => a === b}
      onCommit={(v, key) => props.onCommit(v === undefined ? undefined : scale === 1 ? v : v / scale, key)}
      hint={props.hint}
      placeholder={props.placeholder}
      inputMode={props.rule.integer ? 'numeric' : 'decimal'}
      action={props.sweep === undefined ? undefined : <SweepThisField pointer={props.sweep} current={props.value} integer={props.rule.integer === true} />}
    />
  );
}

function roundScaled(v: number): number {
  return Math.round(v * 1e9) / 1e9;
}

export function NumberListField(props: {
  label: string;
  value: number[];
  rule: NumberRule & { minCount?: number };
  onCommit: (value: number[], coalesce: string) => void;
  hint?: ReactNode;
}) {
  return (
    <DraftField<number[]>
      label={props.label}
      value={props.value}
      format={(v) => v.join(', ')}
      check={(text) => checkNumberList(text, props.rule)}
      same={(a, b) => a.length === b.length && a.every((x, i) => x === b[i])}
      onCommit={props.onCommit}
      hint={props.hint}
      multiline
    />
  );
}

export function TextField(props: {
  label: string;
  value: string | undefined;
  /** required: empty is refused; otherwise empty means "not set" */
  required?: boolean;
  maxLength?: number;
  pattern?: { test: (text: string) => boolean; error: FieldError };
  onCommit: (value: string | undefined, coalesce: string) => void;
  placeholder?: string;
  hint?: ReactNode;
  multiline?: boolean;
}) {
  const check = (text: string): Parsed<string | undefined> => {
    if (text.length === 0) return props.required ? { ok: false, error: { key: 'editor.field.required' } } : { ok: true, value: undefined };
    if (props.required && text.trim().length === 0) return { ok: false, error: { key: 'editor.field.required' } };
    if (props.maxLength !== undefined && text.length > props.maxLength) return { ok: false, error: { key: 'editor.field.tooLong', vars: { max: props.maxLength } } };
    if (props.pattern && !props.pattern.test(text)) return { ok: false, error: props.pattern.error };
    return { ok: true, value: text };
  };
  return (
    <DraftField<string | undefined>
      label={props.label}
      value={props.value}
      format={(v) => v ?? ''}
      check={check}
      same={(a, b) => a === b}
      onCommit={props.onCommit}
      placeholder={props.placeholder}
      hint={props.hint}
      multiline={props.multiline}
    />
  );
}

export function SelectField<V extends string>(props: {
  label: string;
  value: V;
  options: { value: V; label: string }[];
  onChange: (value: V) => void;
  hint?: ReactNode;
}) {
  const id = useId();
  return (
    <div className="ef-field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value as V)} aria-describedby={props.hint ? `${id}-msg` : undefined}>
        {props.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      {props.hint && <div id={`${id}-msg`} className="ef-field-hint">{props.hint}</div>}
    </div>
  );
}

export function CheckboxField(props: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const id = useId();
  return (
    <div className="ef-field ef-field-check">
      <input id={id} type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
      <label htmlFor={id}>{props.label}</label>
    </div>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="ef-section">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}
