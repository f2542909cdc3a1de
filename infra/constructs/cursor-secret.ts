import { Validations } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

/** The generated key that signs list cursors (`functions/platform/cursor.ts`). */
export class CursorSecret extends Construct {
  readonly secret: secretsmanager.Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.secret = new secretsmanager.Secret(this, 'Secret', {
      description: 'HMAC key that signs pagination cursors of the HTTP API',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The key signs short-lived pagination cursors only. Functions get it at ' +
        'deploy time through a dynamic reference, so automatic rotation would not ' +
        'reach them; the key changes by putting a new value and redeploying, which ' +
        'at worst invalidates cursors clients hold.',
    });
  }

  /**
   * The key for a function's environment. It is a CloudFormation dynamic reference
   * (`{{resolve:secretsmanager:...}}`), resolved when the stack deploys, so the key
   * never appears in the template or the cloud assembly, and the functions need no
   * Secrets Manager permission or call on their cold start. The price is that the
   * key is visible in the function configuration to anyone allowed to read it.
   */
  environmentValue(): string {
    return this.secret.secretValue.unsafeUnwrap();
  }
}
