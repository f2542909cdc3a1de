import { AttributeType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/build-app.ts';
import { assemblyFolder } from './support/assembly.ts';
import { nagFindings } from './support/nag.ts';
import { testContext } from './support/synth.ts';

describe('AwsSolutionsChecks', () => {
  let folder: ReturnType<typeof assemblyFolder>;

  beforeEach(() => {
    folder = assemblyFolder();
  });

  afterEach(() => folder.remove());

  it.each(['dev', 'prod'])('finds nothing unacknowledged in the %s stage', (stage) => {
    const built = buildApp({
      bundling: false,
      outdir: folder.path,
      context: testContext({ stage }),
    });

    const findings = nagFindings(built);

    expect(findings).toEqual([]);
  });

  it('reports an error nobody acknowledged', () => {
    const built = buildApp({
      bundling: false,
      outdir: folder.path,
      context: testContext(),
    });
    new Secret(built.stack, 'UnrotatedSecret');

    const findings = nagFindings(built);

    expect(findings).toEqual([
      'error AwsSolutions-SMG4 at PlatformsInfrastructure-dev/UnrotatedSecret/Resource',
    ]);
  });

  it('reports a warning nobody acknowledged', () => {
    const built = buildApp({
      bundling: false,
      outdir: folder.path,
      context: testContext(),
    });
    new Table(built.stack, 'UnrecoverableTable', {
      partitionKey: { name: 'pk', type: AttributeType.STRING },
    });

    const findings = nagFindings(built);

    expect(findings).toEqual([
      'warning AwsSolutions-DDB3 at PlatformsInfrastructure-dev/UnrecoverableTable/Resource',
    ]);
  });
});
