/**
 * The examples of the product's API reference draft, exactly as it gives them. The
 * document shows them with this API's further fields added (see examples.ts).
 */
export const SPEC_EXAMPLES = {
  estateList: {
    data: [
      {
        id: 'ESTATE-26-000004',
        workspace_id: 'WS-26-000021',
        service_line_id: 'LIN-26-091100',
        name: 'Payments Platform Infrastructure',
        provider: 'aws',
        region: 'eu-west-1',
        status: 'active',
        environment_count: 3,
        cost_mtd: 4820.0,
        currency: 'USD',
        health_score: 91,
        created_at: '2024-06-01T00:00:00Z',
      },
    ],
  },
  createEstate: {
    workspace_id: 'WS-26-000021',
    subscription_id: 'SUB-26-001122',
    project_tags: ['PROJ-26-004281'],
    name: 'Payments Platform Infrastructure',
    provider: 'aws',
    region: 'eu-west-1',
    tier: 'managed',
    config: {
      vpc_cidr: '10.0.0.0/16',
      availability_zones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
    },
  },
  environmentList: {
    data: [
      {
        id: 'INFENV-26-000011',
        estate_id: 'ESTATE-26-000004',
        name: 'production',
        type: 'production',
        status: 'active',
        service_count: 8,
        cost_mtd: 3240.0,
        currency: 'USD',
      },
      {
        id: 'INFENV-26-000012',
        estate_id: 'ESTATE-26-000004',
        name: 'staging',
        type: 'staging',
        status: 'active',
        service_count: 8,
        cost_mtd: 980.0,
        currency: 'USD',
      },
    ],
  },
  serviceList: {
    data: [
      {
        id: 'INFSVC-26-000041',
        environment_id: 'INFENV-26-000011',
        name: 'payments-api',
        type: 'container_service',
        status: 'running',
        provider_resource: 'ecs/payments-api-prod',
        cost_mtd: 890.0,
        currency: 'USD',
        health: { score: 99, status: 'healthy' },
      },
    ],
  },
  createDeployment: {
    environment_id: 'INFENV-26-000011',
    service_id: 'INFSVC-26-000041',
    image: 'ghcr.io/apex-digital/payments-api:v2.4.1',
    strategy: 'rolling',
    triggered_by: 'USR-26-000044',
  },
  deploymentCreated: {
    data: {
      deployment_id: 'DEPLOY-26-001221',
      status: 'in_progress',
      strategy: 'rolling',
      started_at: '2026-04-15T10:30:00Z',
    },
  },
  costs: {
    data: {
      estate_id: 'ESTATE-26-000004',
      period: { from: '2026-04-01', to: '2026-04-15' },
      total: 4820.0,
      currency: 'USD',
      breakdown: [
        { group: 'production', cost: 3240.0, percent: 67.2 },
        { group: 'staging', cost: 980.0, percent: 20.3 },
        { group: 'development', cost: 600.0, percent: 12.5 },
      ],
    },
  },
} as const;
