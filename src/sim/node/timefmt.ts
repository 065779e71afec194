/** Time formats of the node tools (systemd, journald, ps), in the machines' UTC. */
import { DAYS, MONTHS } from '../clock/clock.ts';
const p = (n: number, l = 2) => String(n).padStart(l, '0');

/** systemd format_timestamp: `Thu 2026-01-15 09:00:00 UTC`. */
export function systemdTime(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC`;
}

/** systemd format_timestamp_relative (src/basic/time-util.c): `15min ago`, `1h 2min ago`, `5s ago`. */
export function systemdAgo(deltaMs: number): string {
  const s = Math.floor(deltaMs / 1000);
  const MIN = 60;
  const H = 3600;
  const D = 86400;
  let t: string;
  if (s >= 2 * D) t = `${Math.floor(s / D)} days`;
  else if (s >= 25 * H) t = `1 day ${Math.floor((s - D) / H)}h`;
  else if (s >= 6 * H) t = `${Math.floor(s / H)}h`;
  else if (s >= H) t = `${Math.floor(s / H)}h ${Math.floor((s % H) / MIN)}min`;
  else if (s >= 5 * MIN) t = `${Math.floor(s / MIN)}min`;
  else if (s >= MIN) t = `${Math.floor(s / MIN)}min ${s % MIN}s`;
  else if (s >= 1) t = `${s}s`;
  else if (deltaMs >= 1) t = `${Math.floor(deltaMs)}ms`;
  else return 'now';
  return `${t} ago`;
}

/** systemd format_timespan: `20min 3.123s`, `1h 2min 3s`. */
export function systemdSpan(ms: number): string {
  const parts: string[] = [];
  let s = Math.floor(ms / 1000);
  const frac = ms % 1000;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  if (h) parts.push(`${h}h`);
  if (m) parts.push(`${m}min`);
  if (s || frac || !parts.length) parts.push(frac ? `${s}.${p(frac, 3).replace(/0+$/, '')}s` : `${s}s`);
  return parts.join(' ');
}

/** journald short format: `Jan 15 09:00:00`. */
export function journalTime(ms: number): string {
  const d = new Date(ms);
  return `${MONTHS[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/** ps START column: HH:MM the same day. */
export function psStart(ms: number): string {
  const d = new Date(ms);
  return `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/** ps TIME column (`M:SS` for aux, `HH:MM:SS` for -ef). */
export function psTime(cpuMs: number, long = false): string {
  const s = Math.floor(cpuMs / 1000);
  if (long) return `${p(Math.floor(s / 3600))}:${p(Math.floor((s % 3600) / 60))}:${p(s % 60)}`;
  return `${Math.floor(s / 60)}:${p(s % 60)}`;
}

/** Go's time.Duration String for crictl/etcd logs: `1.234567ms`. */
export function rfc3339Micro(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}
