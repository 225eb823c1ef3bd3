// Quick picks for a time window, in the reader's locale and the agent's time zone. "now" comes in.
import { intlLocale, wordsFor } from './locale';

export interface TimeWindowPick {
  id: string;
  label: string;
}

/** The hour by which "today" still makes sense: later than this, the first pick becomes tomorrow. */
const END_OF_DAY = 17;
const LATEST_TODAY = END_OF_DAY - 1;
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

function clock(now: Date, timeZone: string | undefined): { day: number; hour: number } {
  const read = (zone: string | undefined) =>
    new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short', hour: 'numeric', hourCycle: 'h23' }).formatToParts(now);
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = read(timeZone);
  } catch {
    parts = read('UTC'); // an unknown zone name: better UTC than no picks
  }
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: WEEKDAYS.indexOf(get('weekday').slice(0, 3).toLowerCase()), hour: Number(get('hour')) % 24 };
}

/** Today (or tomorrow) by 5 pm, within 24 hours, and by the weekday two working days ahead. */
export function timeWindowPicks(now: Date, locale: string, timeZone?: string): TimeWindowPick[] {
  const w = wordsFor(locale);
  const intl = intlLocale(locale);
  const { day, hour } = clock(now, timeZone);
  // Labels are formatted on fixed UTC dates: only the hour and the weekday name matter here.
  const at = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(intl, { ...o, timeZone: 'UTC' }).format(Date.UTC(2021, 0, 3, END_OF_DAY));
  // "5 PM", "17 h", "17 Uhr", "17時" read well; a bare "17" does not, so those locales get "17:00".
  const hourOnly = at({ hour: 'numeric' });
  const time = /\p{L}/u.test(hourOnly) ? hourOnly : at({ hour: 'numeric', minute: '2-digit' });
  let target = day;
  for (let workdays = 0; workdays < 2; ) if ((target = (target + 1) % 7) % 6 !== 0) workdays++;
  const weekday = new Intl.DateTimeFormat(intl, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2021, 0, 3 + target)); // 2021-01-03 was a Sunday
  const today = hour < LATEST_TODAY;
  return [
    { id: today ? 'today-5pm' : 'tomorrow-5pm', label: w.time[today ? 0 : 1].replace('{t}', time) },
    { id: 'within-24h', label: w.time[2] },
    { id: `by-${WEEKDAYS[target]}`, label: w.time[3].replace('{d}', weekday) },
  ];
}
