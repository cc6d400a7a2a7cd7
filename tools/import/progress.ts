/** What the progress line shows. */
export interface ProgressState {
  /** Rows done over the whole import (earlier runs included). */
  rows: number;
  rejected: number;
  /** Rows and file bytes done by this run, and its seconds so far (the rate is this run's). */
  runRows: number;
  runBytes: number;
  seconds: number;
  /** File offset reached, and the file's size. */
  offset: number;
  size: number;
}

const count = new Intl.NumberFormat('en-US');

/** `1,234,567 rows · 41.2% · 8,512 rows/s · ETA 2m 14s · 12 rejected`; the ETA from this run's byte rate. */
export function progressLine(state: ProgressState): string {
  const share = state.size > 0 ? Math.min(1, state.offset / state.size) : 1;
  const rate = state.seconds > 0 ? state.runRows / state.seconds : 0;
  const byteRate = state.seconds > 0 ? state.runBytes / state.seconds : 0;
  const eta = byteRate > 0 ? duration((state.size - state.offset) / byteRate) : '…';
  return `${count.format(state.rows)} rows · ${(share * 100).toFixed(1)}% · ${count.format(Math.round(rate))} rows/s · ETA ${eta} · ${count.format(state.rejected)} rejected`;
}

export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${s % 60}s`;
  return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
}
