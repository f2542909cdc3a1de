import { describe, expect, it } from 'vitest';
import type { BusEvent } from '../../../../infra/local/event-bus.ts';
import { LocalScheduler, ratePeriodSeconds } from '../../../../infra/local/schedules.ts';

describe('ratePeriodSeconds', () => {
  it.each([
    ['rate(1 minute)', 60],
    ['rate(5 minutes)', 300],
    ['rate(2 hours)', 7200],
    ['rate(1 day)', 86_400],
  ])('reads %s as %i seconds', (expression, seconds) => {
    expect(ratePeriodSeconds(expression)).toBe(seconds);
  });

  it('refuses a cron expression, which has no local stand-in', () => {
    expect(() => ratePeriodSeconds('cron(0 12 * * ? *)')).toThrow(/no local stand-in/);
  });
});

describe('LocalScheduler', () => {
  it('runs a rule’s targets with a scheduled event', async () => {
    const received: BusEvent[] = [];
    const scheduler = new LocalScheduler([
      {
        name: 'HealthSchedule',
        periodSeconds: 300,
        targets: [async (event) => received.push(event)],
      },
    ]);

    await scheduler.run('HealthSchedule');

    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
    });
  });

  it('joins a run in progress instead of starting a second one', async () => {
    let runs = 0;
    const scheduler = new LocalScheduler([
      {
        name: 'Slow',
        periodSeconds: 60,
        targets: [
          async () => {
            runs += 1;
            await new Promise((resolve) => setTimeout(resolve, 20));
          },
        ],
      },
    ]);

    await Promise.all([scheduler.run('Slow'), scheduler.run('Slow')]);

    expect(runs).toBe(1);
  });

  it('starts no timers when the period is 0', async () => {
    const scheduler = new LocalScheduler([
      { name: 'Off', periodSeconds: 60, targets: [async () => undefined] },
    ]);

    scheduler.start(0);
    await scheduler.stop();

    expect(scheduler.names()).toEqual(['Off']);
  });
});
