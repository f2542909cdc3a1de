import type { ParametersOf } from '../kinds.ts';
import type { PolicySubject } from '../subject.ts';
import { WEEKDAYS } from '../weekdays.ts';

const minutesOf = (time: string) => {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
};

const describeWindow = (window: {
  days: readonly string[];
  start: string;
  end: string;
}) => `${window.days.join(',')} ${window.start}–${window.end}`;

/** A deployment must start inside one of the weekly UTC windows. */
export function checkDeploymentWindow(
  parameters: ParametersOf<'deployment_window'>,
  subject: PolicySubject,
  now: Date,
): string | null {
  if (subject.action !== 'create_deployment') return null;
  const day = WEEKDAYS[now.getUTCDay()] ?? 'sun';
  const minute = now.getUTCHours() * 60 + now.getUTCMinutes();
  const open = parameters.windows.some(
    (window) =>
      window.days.includes(day) &&
      minute >= minutesOf(window.start) &&
      minute < minutesOf(window.end),
  );
  if (open) return null;
  return `Deployments run only in the UTC windows ${parameters.windows.map(describeWindow).join('; ')}; it is ${day} ${now.toISOString().slice(11, 16)} UTC.`;
}

/** No deployment may start while the freeze lasts. */
export function checkDeploymentFreeze(
  parameters: ParametersOf<'deployment_freeze'>,
  subject: PolicySubject,
  now: Date,
): string | null {
  if (subject.action !== 'create_deployment') return null;
  const time = now.getTime();
  if (time < Date.parse(parameters.from) || time >= Date.parse(parameters.to))
    return null;
  const why = parameters.reason ? ` (${parameters.reason})` : '';
  return `Deployments are frozen from ${parameters.from} to ${parameters.to}${why}.`;
}
