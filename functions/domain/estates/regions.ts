export const PROVIDERS = ['aws', 'gcp', 'azure'] as const;
export type Provider = (typeof PROVIDERS)[number];

/** Region → zone suffixes. AWS and GCP zones are `<region><suffix>`, Azure zones are numbers. */
type Catalogue = Readonly<Record<string, readonly string[]>>;

const abc = ['a', 'b', 'c'];
const az123 = ['1', '2', '3'];

const AWS: Catalogue = {
  'us-east-1': ['a', 'b', 'c', 'd', 'e', 'f'],
  'us-east-2': abc,
  'us-west-1': ['a', 'c'],
  'us-west-2': ['a', 'b', 'c', 'd'],
  'ca-central-1': ['a', 'b', 'd'],
  'sa-east-1': abc,
  'eu-west-1': abc,
  'eu-west-2': abc,
  'eu-west-3': abc,
  'eu-central-1': abc,
  'eu-central-2': abc,
  'eu-north-1': abc,
  'eu-south-1': abc,
  'eu-south-2': abc,
  'af-south-1': abc,
  'me-south-1': abc,
  'me-central-1': abc,
  'il-central-1': abc,
  'ap-east-1': abc,
  'ap-south-1': abc,
  'ap-southeast-1': abc,
  'ap-southeast-2': abc,
  'ap-northeast-1': ['a', 'c', 'd'],
  'ap-northeast-2': ['a', 'b', 'c', 'd'],
  'ap-northeast-3': abc,
};

const GCP: Catalogue = {
  'us-central1': ['a', 'b', 'c', 'f'],
  'us-east1': ['b', 'c', 'd'],
  'us-east4': abc,
  'us-west1': abc,
  'us-west2': abc,
  'northamerica-northeast1': abc,
  'southamerica-east1': abc,
  'europe-west1': ['b', 'c', 'd'],
  'europe-west2': abc,
  'europe-west3': abc,
  'europe-west4': abc,
  'europe-north1': abc,
  'asia-east1': abc,
  'asia-northeast1': abc,
  'asia-south1': abc,
  'asia-southeast1': abc,
  'australia-southeast1': abc,
};

const AZURE: Catalogue = {
  eastus: az123,
  eastus2: az123,
  centralus: az123,
  southcentralus: az123,
  westus2: az123,
  westus3: az123,
  westus: [],
  northcentralus: [],
  canadacentral: az123,
  brazilsouth: az123,
  northeurope: az123,
  westeurope: az123,
  uksouth: az123,
  francecentral: az123,
  germanywestcentral: az123,
  swedencentral: az123,
  norwayeast: az123,
  switzerlandnorth: az123,
  southafricanorth: az123,
  centralindia: az123,
  southeastasia: az123,
  eastasia: az123,
  japaneast: az123,
  koreacentral: az123,
  australiaeast: az123,
};

const CATALOGUES: Readonly<Record<Provider, Catalogue>> = {
  aws: AWS,
  gcp: GCP,
  azure: AZURE,
};

export function isRegionOf(provider: Provider, region: string): boolean {
  return Object.hasOwn(CATALOGUES[provider], region);
}

/** The availability zones of a region, in the provider's own naming. */
export function zonesOf(provider: Provider, region: string): readonly string[] {
  const suffixes = CATALOGUES[provider][region] ?? [];
  if (provider === 'azure') return suffixes;
  const separator = provider === 'gcp' ? '-' : '';
  return suffixes.map((suffix) => `${region}${separator}${suffix}`);
}

/** Every region a provider offers here, for error messages and docs. */
export const regionsOf = (provider: Provider) => Object.keys(CATALOGUES[provider]);
