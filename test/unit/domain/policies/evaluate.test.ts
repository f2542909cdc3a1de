import { describe, expect, it } from 'vitest';
import { checkPolicy, evaluate } from '../../../../functions/domain/policies/evaluate.ts';
import {
  estate,
  factsAt,
  newDeployment,
  newEnvironment,
  newService,
  policyOf,
} from './factories.ts';

const NOW = '2026-04-15T10:30:00.000Z'; // a Wednesday
const facts = factsAt(NOW);

describe('allowed_regions', () => {
  it('allows a change in an estate of an allowed region', () => {
    const policy = policyOf('allowed_regions', {
      regions: ['eu-west-1', 'eu-central-1'],
    });

    const reason = checkPolicy(policy, estate, newEnvironment, facts);

    expect(reason).toBeNull();
  });

  it('denies a change in an estate of another region', () => {
    const policy = policyOf('allowed_regions', { regions: ['us-east-1'] });

    const reason = checkPolicy(policy, estate, newService(), facts);

    expect(reason).toMatch(/eu-west-1.*us-east-1/);
  });
});

describe('allowed_service_types', () => {
  const policy = policyOf('allowed_service_types', { types: ['container_service'] });

  it('allows a service of an allowed type', () => {
    const reason = checkPolicy(policy, estate, newService(), facts);

    expect(reason).toBeNull();
  });

  it('denies a service of another type', () => {
    const reason = checkPolicy(
      policy,
      estate,
      newService({ type: 'message_queue', image: null }),
      facts,
    );

    expect(reason).toMatch(/message_queue is not allowed/);
  });
});

describe('allowed_image_registries', () => {
  const policy = policyOf('allowed_image_registries', {
    registries: ['ghcr.io/apex-digital'],
  });

  it('allows services and deployments of images from the registry', () => {
    const service = checkPolicy(policy, estate, newService(), facts);
    const deployment = checkPolicy(policy, estate, newDeployment(), facts);

    expect([service, deployment]).toEqual([null, null]);
  });

  it('denies an image from another registry or a look-alike prefix', () => {
    const other = checkPolicy(
      policy,
      estate,
      newDeployment('docker.io/nginx:1.27'),
      facts,
    );
    const lookAlike = checkPolicy(
      policy,
      estate,
      newDeployment('ghcr.io/apex-digital-evil/app:v1'),
      facts,
    );

    expect(other).toMatch(/not from an allowed registry/);
    expect(lookAlike).toMatch(/not from an allowed registry/);
  });

  it('reads an image without a registry as one from Docker Hub', () => {
    const hub = policyOf('allowed_image_registries', {
      registries: ['docker.io/library'],
    });

    const reason = checkPolicy(hub, estate, newDeployment('nginx:1.27'), facts);

    expect(reason).toBeNull();
  });
});

describe('required_project_tags', () => {
  it('allows a change in an estate carrying every tag', () => {
    const policy = policyOf('required_project_tags', { tags: ['PROJ-26-004281'] });

    const reason = checkPolicy(policy, estate, newService(), facts);

    expect(reason).toBeNull();
  });

  it('denies a change in an estate lacking a tag, naming it', () => {
    const policy = policyOf('required_project_tags', {
      tags: ['PROJ-26-004281', 'PROJ-26-009999'],
    });

    const reason = checkPolicy(policy, estate, newEnvironment, facts);

    expect(reason).toMatch(/lacks the project tags PROJ-26-009999\.$/);
  });
});

describe('max_services_per_environment', () => {
  const policy = policyOf('max_services_per_environment', { max: 2 });

  it('allows a service while the environment is below the maximum', () => {
    const reason = checkPolicy(policy, estate, newService({ count: 1 }), facts);

    expect(reason).toBeNull();
  });

  it('denies a service that would pass the maximum', () => {
    const reason = checkPolicy(policy, estate, newService({ count: 2 }), facts);

    expect(reason).toMatch(/already has 2 services; at most 2/);
  });

  it('leaves environments of other types alone', () => {
    const staging = policyOf('max_services_per_environment', {
      max: 0,
      environment_types: ['staging'],
    });

    const reason = checkPolicy(staging, estate, newService({ count: 5 }), facts);

    expect(reason).toBeNull();
  });
});

describe('deployment_window', () => {
  const policy = policyOf('deployment_window', {
    windows: [{ days: ['mon', 'tue', 'wed', 'thu'], start: '09:00', end: '16:00' }],
  });

  it('allows a deployment inside a window', () => {
    const reason = checkPolicy(policy, estate, newDeployment(), facts);

    expect(reason).toBeNull();
  });

  it('denies a deployment outside every window', () => {
    const reason = checkPolicy(
      policy,
      estate,
      newDeployment(),
      factsAt('2026-04-17T10:30:00.000Z'),
    );

    expect(reason).toMatch(
      /only in the UTC windows mon,tue,wed,thu 09:00–16:00; it is fri 10:30 UTC/,
    );
  });

  it('ends a window at its end minute', () => {
    const reason = checkPolicy(
      policy,
      estate,
      newDeployment(),
      factsAt('2026-04-15T16:00:00.000Z'),
    );

    expect(reason).not.toBeNull();
  });

  it('does not govern new services', () => {
    const reason = checkPolicy(
      policy,
      estate,
      newService(),
      factsAt('2026-04-18T03:00:00.000Z'),
    );

    expect(reason).toBeNull();
  });
});

describe('deployment_freeze', () => {
  const policy = policyOf('deployment_freeze', {
    from: '2026-04-15T00:00:00Z',
    to: '2026-04-16T00:00:00Z',
    reason: 'quarter close',
  });

  it('allows a deployment after the freeze', () => {
    const reason = checkPolicy(
      policy,
      estate,
      newDeployment(),
      factsAt('2026-04-16T00:00:00.000Z'),
    );

    expect(reason).toBeNull();
  });

  it('denies a deployment during the freeze, quoting its reason', () => {
    const reason = checkPolicy(policy, estate, newDeployment(), facts);

    expect(reason).toMatch(/frozen from .* \(quarter close\)/);
  });
});

describe('monthly_budget_ceiling', () => {
  const policy = policyOf('monthly_budget_ceiling', { amount: 10_000, currency: 'USD' });

  it('allows a service while the forecast stays under the ceiling', () => {
    const spent = { ...estate, cost_mtd_micros: 4_000_000_000 }; // 4,000 by the 15th

    const reason = checkPolicy(policy, spent, newService(), facts);

    expect(reason).toBeNull();
  });

  it('denies services and deployments once the forecast passes the ceiling', () => {
    const spent = { ...estate, cost_mtd_micros: 6_000_000_000 }; // 6,000 by the 15th

    const service = checkPolicy(policy, spent, newService(), facts);
    const deployment = checkPolicy(policy, spent, newDeployment(), facts);

    expect(service).toMatch(
      /forecast to spend 12\d{3}\.\d{2} USD .*6000\.00 so far.*10000\.00 USD/,
    );
    expect(deployment).not.toBeNull();
  });

  it('allows anything when the estate has no cost yet', () => {
    const unmetered = { ...estate, cost_mtd_micros: undefined };

    const reason = checkPolicy(policy, unmetered, newDeployment(), facts);

    expect(reason).toBeNull();
  });

  it('does not govern environments, which cost nothing', () => {
    const spent = { ...estate, cost_mtd_micros: 60_000_000_000 };

    const reason = checkPolicy(policy, spent, newEnvironment, facts);

    expect(reason).toBeNull();
  });
});

describe('promotion_order', () => {
  const policy = policyOf('promotion_order', {
    from_environment_type: 'staging',
    to_environment_type: 'production',
    min_soak_minutes: 30,
    require_healthy: true,
  });
  const staged = (succeededAt: string, health: 'healthy' | 'unhealthy' = 'healthy') =>
    factsAt(NOW, {
      staging: {
        succeeded_at: succeededAt,
        environment_id: 'INFENV-26-000012',
        service_id: 'INFSVC-26-000042',
        service_health: health,
      },
    });

  it('allows production once the image soaked healthy in staging', () => {
    const reason = checkPolicy(
      policy,
      estate,
      newDeployment(),
      staged('2026-04-15T09:00:00Z'),
    );

    expect(reason).toBeNull();
  });

  it('denies production before the image succeeded in staging', () => {
    const reason = checkPolicy(
      policy,
      estate,
      newDeployment(),
      factsAt(NOW, { staging: null }),
    );

    expect(reason).toMatch(/has not succeeded in a staging environment/);
  });

  it('denies production before the soak time has passed', () => {
    const reason = checkPolicy(
      policy,
      estate,
      newDeployment(),
      staged('2026-04-15T10:20:00Z'),
    );

    expect(reason).toMatch(/must soak 30 minutes before production \(10 so far\)/);
  });

  it('denies production while the staging service is unhealthy', () => {
    const reason = checkPolicy(
      policy,
      estate,
      newDeployment(),
      staged('2026-04-15T09:00:00Z', 'unhealthy'),
    );

    expect(reason).toMatch(/is unhealthy; production needs it healthy/);
  });

  it('leaves deployments to staging alone', () => {
    const reason = checkPolicy(
      policy,
      estate,
      newDeployment(undefined, 'staging'),
      facts,
    );

    expect(reason).toBeNull();
  });
});

describe('evaluate', () => {
  const freeze = policyOf(
    'deployment_freeze',
    { from: '2026-04-15T00:00:00Z', to: '2026-04-16T00:00:00Z' },
    { id: 'INFPOL-26-000002' },
  );
  const regions = policyOf(
    'allowed_regions',
    { regions: ['us-east-1'] },
    { id: 'INFPOL-26-000003' },
  );

  it('lists every broken enforce policy with its ID, kind and reason', () => {
    const verdict = evaluate([freeze, regions], estate, newDeployment(), facts);

    expect(
      verdict.violations.map((violation) => [violation.policy_id, violation.kind]),
    ).toEqual([
      ['INFPOL-26-000002', 'deployment_freeze'],
      ['INFPOL-26-000003', 'allowed_regions'],
    ]);
    expect(verdict.warnings).toEqual([]);
  });

  it('reports broken warn policies as warnings, not violations', () => {
    const warn = { ...regions, enforcement: 'warn' as const };

    const verdict = evaluate([warn], estate, newService(), facts);

    expect(verdict.violations).toEqual([]);
    expect(verdict.warnings).toHaveLength(1);
  });

  it('ignores disabled policies', () => {
    const disabled = { ...regions, status: 'disabled' as const };

    const verdict = evaluate([disabled], estate, newService(), facts);

    expect(verdict.violations).toEqual([]);
  });

  it('sets aside only windows and freezes under break-glass', () => {
    const verdict = evaluate([freeze, regions], estate, newDeployment(), facts, true);

    expect(verdict.overridden.map((violation) => violation.kind)).toEqual([
      'deployment_freeze',
    ]);
    expect(verdict.violations.map((violation) => violation.kind)).toEqual([
      'allowed_regions',
    ]);
  });
});
