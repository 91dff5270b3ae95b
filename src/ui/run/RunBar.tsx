// Run controls: Run, Pause, Step, Run to end, Reset, the Speed slider, the Virtual time clock,
// the line saying what the last Step did, progress of a long Run to end (cancellable) and the stale badge.
import { useAppStore } from '../../store/store';
import { resultsAreStale } from '../../store/runSlice';
import { FASTEST, positionOfSpeed, speedAtPosition, SPEED_POSITIONS } from '../../session/pacer';
import { useFormatNumber, useT } from '../i18n';
import { describeAfterEnd, describeStep } from './stepText';
import { namesOf } from '../names';
import * as controller from './runController';
import { PauseIcon, PlayIcon, ResetIcon, RunToEndIcon, StepIcon } from '../seeing/icons';
import { useRunHygiene } from './runHygiene';
import './run.css';
import '../seeing/seeing.css';

function Clock() {
  const t = useT();
  const format = useFormatNumber();
  const timeMs = useAppStore((s) => s.virtualTimeMs);
  const text = t('run.clock', { time: format(timeMs, 1) });
  return (
    <div className="run-clock" role="status" aria-live="off" aria-label={text}>
      <span className="run-clock-label">{t('run.clockLabel')}</span>
      <span className="run-clock-value">{format(timeMs, 1)}</span>
      <span className="run-clock-unit">{t('run.clockUnit')}</span>
    </div>
  );
}

function SpeedControl() {
  const t = useT();
  const format = useFormatNumber();
  const speed = useAppStore((s) => s.speed);
  const label = speed === FASTEST ? t('run.speedFastest') : t('run.speedValue', { value: format(speed, 2) });
  const valueText = speed === FASTEST ? t('run.speedFastestText') : t('run.speedValueText', { value: format(speed, 2) });
  return (
    <label className="run-speed">
      <span>{t('run.speed')}</span>
      <input
        type="range"
        min={0}
        max={SPEED_POSITIONS - 1}
        step={1}
        value={positionOfSpeed(speed)}
        aria-valuetext={valueText}
        onChange={(event) => controller.setSpeed(speedAtPosition(Number(event.target.value)))}
      />
      <output className="run-speed-value">{label}</output>
    </label>
  );
}

function Progress() {
  const t = useT();
  const format = useFormatNumber();
  const snapshot = useAppStore((s) => s.liveSnapshot);
  const stopAtMs = useAppStore((s) => s.runMeta?.stopAtMs);
  const timeMs = snapshot?.timeMs ?? 0;
  const text = stopAtMs ? t('run.progressTime', { done: format(timeMs, 0), total: format(stopAtMs, 0) }) : t('run.progressEvents', { events: format(snapshot?.events ?? 0, 0) });
  return (
    <div className="run-progress">
      <progress aria-label={t('run.progress')} max={stopAtMs ?? undefined} value={stopAtMs ? timeMs : undefined} />
      <span className="run-progress-text">{text}</span>
      <button onClick={controller.cancelRunToEnd}>{t('run.cancel')}</button>
    </div>
  );
}

function StepLine() {
  const language = useAppStore((s) => s.language);
  const step = useAppStore((s) => s.stepLine);
  const nothingLeft = useAppStore((s) => s.stepNothingLeft);
  const status = useAppStore((s) => s.runStatus);
  const meta = useAppStore((s) => s.runMeta);
  const timeMs = useAppStore((s) => s.virtualTimeMs);
  if (status === 'playing' || status === 'running-to-end') return null;
  const text = step ? describeStep(language, step, namesOf(meta?.nodes)) : nothingLeft ? describeAfterEnd(language, timeMs) : null;
  if (!text) return null;
  return (
    <div className="run-step-line" role="log" aria-live="polite" title={text} tabIndex={0}>
      {text}
    </div>
  );
}

export function RunBar() {
  const t = useT();
  const status = useAppStore((s) => s.runStatus);
  const stale = useAppStore(resultsAreStale);
  const backend = useAppStore((s) => s.runBackend);
  const busy = status === 'loading' || status === 'running-to-end';
  useRunHygiene();
  return (
    <>
      <div className="run-buttons">
        <button className="primary" onClick={() => void controller.run()} disabled={busy || status === 'playing'}>
          <span aria-hidden="true" className="run-icon"><PlayIcon /></span>
          {t('run.run')}
        </button>
        <button onClick={controller.pause} disabled={status !== 'playing'}>
          <span aria-hidden="true" className="run-icon"><PauseIcon /></span>
          {t('run.pause')}
        </button>
        <button onClick={() => void controller.step()} disabled={busy}>
          <span aria-hidden="true" className="run-icon"><StepIcon /></span>
          {t('run.step')}
        </button>
        <button onClick={() => void controller.runToEnd()} disabled={busy}>
          <span aria-hidden="true" className="run-icon"><RunToEndIcon /></span>
          {t('run.runToEnd')}
        </button>
        <button onClick={controller.reset} disabled={status === 'idle' || status === 'loading'}>
          <span aria-hidden="true" className="run-icon"><ResetIcon /></span>
          {t('run.reset')}
        </button>
      </div>
      <SpeedControl />
      <Clock />
      {status === 'running-to-end' ? <Progress /> : <StepLine />}
      <div className="run-flags">
        {stale && (
          <span className="run-badge run-badge-stale" title={t('run.staleTitle')}>
            {t('run.stale')}
          </span>
        )}
        {backend === 'main-thread' && (
          <span className="run-badge" title={t('run.mainThreadTitle')}>
            {t('run.mainThread')}
          </span>
        )}
      </div>
    </>
  );
}
