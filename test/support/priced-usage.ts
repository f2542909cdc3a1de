import type { PricedUsage } from '../../functions/domain/costs/usage.ts';

/** A priced usage record of a service in eu-west-1 (2 vCPU-hours), with overrides. */
export const pricedUsage = (overrides: Partial<PricedUsage> = {}): PricedUsage => ({
  record_id: 'rec-1',
  workspace_id: 'WS-26-000021',
  estate_id: 'ESTATE-26-000004',
  service_line_id: 'LIN-26-000001',
  environment_id: 'INFENV-26-000011',
  service_id: 'INFSVC-26-000041',
  environment_name: 'production',
  service_name: 'payments-api',
  metric: 'vcpu_hours',
  unit: 'vcpu_hour',
  quantity: 2,
  quantity_micros: 2_000_000n,
  unit_price_nanos: 43_718_400n,
  cost_femtos: 87_436_800_000_000n,
  time: '2026-04-15T10:00:00.000Z',
  day: '2026-04-15',
  month: '2026-04',
  source: 'test',
  ...overrides,
});
