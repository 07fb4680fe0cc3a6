import type { AlertDelivery, AlertEvent, AlertRuleView } from './alerts.model';

/** Test data: everything defaulted, a spec states only the field that decides. */
export function aRule(overrides: Partial<AlertRuleView> = {}): AlertRuleView {
  return {
    id: 'rule-1',
    name: 'billing lag',
    kind: 'lag-seconds',
    target: 'billing',
    threshold: 120,
    forMinutes: 5,
    statuses: [],
    webhookUrl: 'https://hooks.slack.com/********',
    format: 'slack',
    enabled: true,
    createdAt: '2026-06-01T08:00:00.000Z',
    updatedAt: '2026-06-01T08:00:00.000Z',
    status: 'ok',
    firing: [],
    ...overrides,
  };
}

export function aDelivery(overrides: Partial<AlertDelivery> = {}): AlertDelivery {
  return {
    message: 'fired',
    at: '2026-06-01T09:00:01.000Z',
    outcome: 'delivered',
    attempts: 1,
    httpStatus: 200,
    error: null,
    ...overrides,
  };
}

export function anEvent(overrides: Partial<AlertEvent> = {}): AlertEvent {
  return {
    id: 'event-1',
    cluster: 'local',
    ruleId: 'rule-1',
    ruleName: 'billing lag',
    kind: 'lag-seconds',
    subject: 'billing',
    summary: 'Consumer group billing is 300 s behind (500 records), above 120 s',
    firedAt: '2026-06-01T09:00:00.000Z',
    clearedAt: null,
    clearedBecause: null,
    deliveries: [aDelivery()],
    ...overrides,
  };
}
