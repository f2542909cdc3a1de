import type { CloudDriver } from './driver.ts';
import { digest } from './hash.ts';
import { networkIdOf, subnetIdOf } from './names.ts';
import {
  after,
  hasPassed,
  permanent,
  refuse,
  type SimulatedContext,
} from './simulated-context.ts';
import { splitCidr } from './subnets.ts';

type NetworkOperations = Pick<
  CloudDriver,
  'provisionNetwork' | 'networkStatus' | 'deprovisionNetwork' | 'deprovisionStatus'
>;

const operationId = (kind: string, estateId: string, readyAt: string) =>
  `op-${digest(kind, estateId, readyAt).slice(0, 16)}`;

/**
 * Simulated networks: provisioning takes SIM_NETWORK_SECONDS plus
 * SIM_NETWORK_ZONE_SECONDS per zone, deletion SIM_DEPROVISION_SECONDS; status is
 * read from the handle's `readyAt` alone.
 */
export function simulatedNetworks(context: SimulatedContext): NetworkOperations {
  const { provider, config, inject } = context;

  return {
    provisionNetwork: async (input) => {
      inject({
        operation: 'provisionNetwork',
        subjects: [input.estateId, input.estateName],
      });
      if (input.provider !== provider)
        throw refuse(
          `The ${provider} driver cannot build ${input.provider} networks.`,
          input,
        );
      const cidrs = permanent(() => splitCidr(input.vpcCidr, input.zones.length));
      const seconds = config.networkSeconds + config.networkZoneSeconds * cidrs.length;
      const readyAt = after(context, seconds);

      return {
        operationId: operationId('provision', input.estateId, readyAt),
        networkId: networkIdOf(provider, input.estateId),
        subnets: input.zones.map((zone, index) => ({
          zone,
          cidr: cidrs[index] ?? '',
          subnetId: subnetIdOf(provider, input.estateId, zone),
        })),
        readyAt,
      };
    },

    networkStatus: async (input) => {
      inject({
        operation: 'networkStatus',
        subjects: [input.estateId, input.estateName],
      });
      return { state: hasPassed(context, input.readyAt) ? 'ready' : 'pending' };
    },

    deprovisionNetwork: async (input) => {
      const subjects: [string, string] = [input.estateId, input.estateName];
      inject({ operation: 'deprovisionNetwork', subjects });
      const readyAt = after(context, config.deprovisionSeconds);

      return {
        operationId: operationId('deprovision', input.estateId, readyAt),
        networkId: input.networkId,
        readyAt,
      };
    },

    deprovisionStatus: async (input) => {
      const subjects: [string, string] = [input.estateId, input.estateName];
      inject({ operation: 'deprovisionStatus', subjects });
      return { state: hasPassed(context, input.readyAt) ? 'deprovisioned' : 'pending' };
    },
  };
}
