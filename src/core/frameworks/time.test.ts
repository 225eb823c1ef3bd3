import { describe, expect, test } from 'vitest';
import { timeWindowPicks } from './index';

// 2025-03-12 is a Wednesday.
const WED_MORNING = new Date('2025-03-12T09:00:00Z');

describe('picks', () => {
  test.each<[string, Date, string | undefined, string[]]>([
    ['en', WED_MORNING, 'Europe/London', ['today by 5 PM', 'within 24 hours', 'by Friday']],
    ['es', WED_MORNING, 'Europe/Madrid', ['hoy antes de las 17:00', 'en las próximas 24 horas', 'a más tardar el viernes']],
    ['fr', WED_MORNING, 'Europe/Paris', ["aujourd'hui avant 17 h", 'dans les 24 heures', "d'ici vendredi"]],
    ['de', WED_MORNING, 'Europe/Berlin', ['heute bis 17 Uhr', 'innerhalb von 24 Stunden', 'bis Freitag']],
    ['pt-BR', WED_MORNING, 'America/Sao_Paulo', ['hoje até as 17:00', 'em até 24 horas', 'até sexta-feira']],
    ['ja', WED_MORNING, 'UTC', ['本日17時まで', '24時間以内', '金曜日まで']],
  ])('in %s', (locale, now, zone, labels) => expect(timeWindowPicks(now, locale, zone).map((p) => p.label)).toEqual(labels));

  test.each<[string, Date, string, string[]]>([
    ['late in the day → tomorrow', new Date('2025-03-12T16:30:00Z'), 'UTC', ['tomorrow-5pm', 'within-24h', 'by-fri']],
    ['in the agent’s zone, not UTC', new Date('2025-03-12T09:00:00Z'), 'Asia/Tokyo', ['tomorrow-5pm', 'within-24h', 'by-fri']],
    ['Thursday skips the weekend', new Date('2025-03-13T09:00:00Z'), 'UTC', ['today-5pm', 'within-24h', 'by-mon']],
    ['Friday → Tuesday', new Date('2025-03-14T09:00:00Z'), 'UTC', ['today-5pm', 'within-24h', 'by-tue']],
    ['Saturday → Tuesday', new Date('2025-03-15T09:00:00Z'), 'UTC', ['today-5pm', 'within-24h', 'by-tue']],
    ['Sunday → Tuesday', new Date('2025-03-16T09:00:00Z'), 'UTC', ['today-5pm', 'within-24h', 'by-tue']],
  ])('%s', (_, now, zone, idList) => expect(timeWindowPicks(now, 'en', zone).map((p) => p.id)).toEqual(idList));
});

describe('does not break', () => {
  test.each([
    ['an unknown zone', 'en', 'Mars/Olympus'],
    ['an unknown locale', 'xx-!!', 'UTC'],
  ])('on %s', (_, locale, zone) => expect(timeWindowPicks(WED_MORNING, locale, zone).map((p) => p.label)).toEqual(['today by 5 PM', 'within 24 hours', 'by Friday']));
});
