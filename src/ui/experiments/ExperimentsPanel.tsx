// The Experiments tab of the results dock: Replications and Confidence, "Run replications", a sweep (Parameter,
// Values, Figure to chart, "Run sweep"), progress with Cancel, inline errors at the fields, then the results.
import { useEffect, useMemo } from 'react';
import { figuresOf } from '../../experiment/plan';
import { useAppStore } from '../../store/store';
import { useExperimentStore, type ExperimentField } from '../../store/experimentStore';
import { useT } from '../i18n';
import { parameterOptions } from './experimentModel';
import { ExperimentResults } from './ExperimentResults';
import { cancelExperiment, startExperiment } from './runExperiment';
import './experiments.css';

function FieldError({ field, id }: { field: ExperimentField; id: string }) {
  const t = useT();
  const message = useExperimentStore((s) => s.errors[field]);
  if (message === undefined) return null;
  return <p className="exp-error" id={id} role="alert">{t('exp.refused', { reason: message })}</p>;
}

export function ExperimentsPanel() {
  const t = useT();
  const scenario = useAppStore((s) => s.scenario);
  const state = useExperimentStore();
  const set = state.set;
  const parameters = useMemo(() => parameterOptions(scenario), [scenario]);
  const figures = useMemo(() => {
    try {
      return figuresOf(scenario);
    } catch {
      return [];
    }
  }, [scenario]);
  const saved = scenario.experiment;
  useEffect(() => {
    // a file that carries an experiment (e.g. a gallery example or a share link) fills in the settings
    if (saved === undefined) return;
    useExperimentStore.getState().set({
      ...(saved.replications === undefined ? {} : { replications: String(saved.replications) }),
      ...(saved.confidence === undefined ? {} : { confidence: String(saved.confidence) }),
      ...(saved.sweep === undefined ? {} : { pointer: saved.sweep.pointer, valuesText: saved.sweep.values.join(',') }),
      ...(saved.metric === undefined ? {} : { metric: saved.metric }),
    });
  }, [saved]);
  const running = state.status === 'running';
  const run = (sweep: boolean) => startExperiment(scenario, sweep, { cancelled: t('exp.cancelled') });
  const invalid = (field: ExperimentField) => (state.errors[field] === undefined ? undefined : true);
  const described = (field: ExperimentField) => (state.errors[field] === undefined ? undefined : `exp-error-${field}`);
  return (
    <div className="exp-panel">
      <p className="exp-intro">{t('exp.intro')}</p>
      <div className="exp-row">
        <label>
          {t('exp.replications')}
          <input type="number" min={2} max={10000} step={1} value={state.replications} aria-invalid={invalid('replications')}
            aria-describedby={described('replications')} onChange={(e) => set({ replications: e.target.value })} />
        </label>
        <label>
          {t('exp.confidence')}
          <input type="number" min={0.5} max={0.999} step={0.01} value={state.confidence} aria-invalid={invalid('confidence')}
            aria-describedby={described('confidence')} onChange={(e) => set({ confidence: e.target.value })} />
        </label>
        <button type="button" className="exp-primary" disabled={running} onClick={() => run(false)}>{t('exp.runReplications')}</button>
      </div>
      <FieldError field="replications" id="exp-error-replications" />
      <FieldError field="confidence" id="exp-error-confidence" />
      <fieldset className="exp-sweep">
        <legend>{t('exp.sweepHeading')}</legend>
        <div className="exp-row">
          <label>
            {t('exp.parameter')}
            <select value={state.pointer} aria-invalid={invalid('sweep')} aria-describedby={described('sweep')} onChange={(e) => set({ pointer: e.target.value })}>
              <option value="">{t('exp.parameterNone')}</option>
              {[...new Set([...(state.pointer === '' ? [] : [state.pointer]), ...parameters])].map((p) => <option key={p} value={p}>{p}</option>)}
            </select>
          </label>
          <label>
            {t('exp.values')}
            <input type="text" value={state.valuesText} placeholder={t('exp.valuesHint')} aria-invalid={invalid('values')} aria-describedby={described('values')}
              onChange={(e) => set({ valuesText: e.target.value })} />
          </label>
          <label>
            {t('exp.metric')}
            <select value={state.metric} onChange={(e) => set({ metric: e.target.value })}>
              {[...new Set([state.metric, ...figures])].map((f) => <option key={f} value={f}>{f}</option>)}
            </select>
          </label>
          <button type="button" className="exp-primary" disabled={running} onClick={() => run(true)}>{t('exp.runSweep')}</button>
        </div>
        <FieldError field="sweep" id="exp-error-sweep" />
        <FieldError field="values" id="exp-error-values" />
        <FieldError field="precision" id="exp-error-precision" />
      </fieldset>
      {running && (
        <div className="exp-row exp-progress">
          <progress aria-label={t('exp.progressLabel')} max={state.progress?.pairsTotal ?? 1} value={state.progress?.pairsDone ?? 0} />
          <span role="status">{t('exp.progress', { done: state.progress?.pairsDone ?? 0, total: state.progress?.pairsTotal ?? 0 })}</span>
          <button type="button" onClick={cancelExperiment}>{t('exp.cancel')}</button>
        </div>
      )}
      {state.failure !== null && !running && <p className="exp-error" role="alert">{state.status === 'failed' ? t('exp.failed', { reason: state.failure }) : state.failure}</p>}
      {state.report !== null && <ExperimentResults />}
    </div>
  );
}
