import type { Tone } from './operations/operation-outcome.ts';

/** A filling bar with the numbers beside it; its colour follows the operation's tone. */
export function ProgressBar({
  value,
  max,
  label,
  tone = 'active',
}: {
  value: number;
  max: number;
  label: string;
  tone?: Tone;
}) {
  const percent = max > 0 ? Math.floor((value / max) * 100) : 0;
  return (
    <div className={`progress tone-${tone}`}>
      <progress value={value} max={Math.max(max, 1)} aria-label={label} />
      <span className="progress-text">
        {value.toLocaleString()} / {max.toLocaleString()} ({percent}%)
      </span>
    </div>
  );
}
