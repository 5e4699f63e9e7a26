export function ProgressBar({ value, max, label }: { value: number; max: number; label: string }) {
  const percent = max > 0 ? Math.round((value / max) * 100) : 0;
  return (
    <div className="progress">
      <progress value={value} max={Math.max(max, 1)} aria-label={label} />
      <span className="progress-text">
        {value.toLocaleString()} / {max.toLocaleString()} ({percent}%)
      </span>
    </div>
  );
}
