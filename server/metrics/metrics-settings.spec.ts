import { ConfigError } from '../kafka/clusters-config';
import { metricsIntervalMs, metricsSettings } from './metrics-settings';

describe('metricsIntervalMs', () => {
  it('is 15 s when KPC_METRICS_INTERVAL_S is unset or empty', () => {
    expect(metricsIntervalMs({})).toBe(15_000);
    expect(metricsIntervalMs({ KPC_METRICS_INTERVAL_S: ' ' })).toBe(15_000);
  });

  it('takes whole or decimal seconds', () => {
    expect(metricsIntervalMs({ KPC_METRICS_INTERVAL_S: '5' })).toBe(5_000);
    expect(metricsIntervalMs({ KPC_METRICS_INTERVAL_S: '2.5' })).toBe(2_500);
    expect(metricsIntervalMs({ KPC_METRICS_INTERVAL_S: '3600' })).toBe(3_600_000);
  });

  for (const value of ['0', '0.5', '3601', '-5', 'fast', '15s', '1e3']) {
    it(`refuses "${value}" with a line saying what it takes`, () => {
      expect(() => metricsIntervalMs({ KPC_METRICS_INTERVAL_S: value })).toThrowError(
        ConfigError,
        `KPC_METRICS_INTERVAL_S must be a number of seconds from 1 to 3600, not "${value}"`,
      );
    });
  }
});

describe('metricsSettings', () => {
  it('keeps a week of history unless KPC_METRICS_RETENTION_HOURS says otherwise', () => {
    expect(metricsSettings({}).retentionMs).toBe(7 * 24 * 3_600_000);
    expect(metricsSettings({ KPC_METRICS_RETENTION_HOURS: '24' }).retentionMs).toBe(24 * 3_600_000);
  });

  it('refuses a retention beyond 90 days', () =>
    expect(() => metricsSettings({ KPC_METRICS_RETENTION_HOURS: '2161' })).toThrowError(
      ConfigError,
      'KPC_METRICS_RETENTION_HOURS must be a number of hours from 1 to 2160, not "2161"',
    ));
});
