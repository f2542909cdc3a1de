import { describe, expect, it } from 'vitest';
import { LIST_PRICES } from '../../../../functions/domain/costs/list-prices.ts';
import { METRICS_BY_TYPE } from '../../../../functions/domain/costs/metrics.ts';
import {
  listPrice,
  priceSheet,
  unitPrice,
} from '../../../../functions/domain/costs/price-book.ts';
import { PROVIDERS } from '../../../../functions/domain/estates/regions.ts';
import { WORKLOAD_TYPES } from '../../../../functions/drivers/driver.ts';

describe('the price book', () => {
  it('prices every metric of every type on every provider', () => {
    const missing = PROVIDERS.flatMap((provider) =>
      WORKLOAD_TYPES.flatMap((type) =>
        METRICS_BY_TYPE[type]
          .filter((metric) => LIST_PRICES[provider][`${type}.${metric}`] === undefined)
          .map((metric) => `${provider} ${type}.${metric}`),
      ),
    );

    expect(missing).toEqual([]);
  });

  it('applies the region multiplier and rounds half up to the nano-dollar', () => {
    expect(listPrice('aws', 'us-east-1', 'container_service', 'vcpu_hours')).toBe(
      40_480_000n,
    );
    expect(listPrice('aws', 'eu-central-1', 'container_service', 'vcpu_hours')).toBe(
      46_552_000n,
    );
    expect(listPrice('aws', 'eu-west-1', 'message_queue', 'requests')).toBe(432n);
  });

  it('has no price for a metric the type is not billed on', () => {
    expect(listPrice('aws', 'us-east-1', 'message_queue', 'vcpu_hours')).toBeUndefined();
  });

  it('lets an estate override a list price', () => {
    const overrides = { 'container_service.vcpu_hours': '30000000' };

    expect(
      unitPrice('aws', 'us-east-1', 'container_service', 'vcpu_hours', overrides),
    ).toBe(30_000_000n);
    expect(priceSheet('aws', 'us-east-1', overrides)[0]).toMatchObject({
      source: 'override',
      nanos: 30_000_000n,
    });
  });
});
