import { randomUUID } from 'node:crypto';
import { type AwsEndpoint, AwsServiceError } from './aws-endpoint.ts';

export interface QueuedMessage {
  readonly MessageId: string;
  readonly Body: string;
  readonly ReceiptHandle: string;
}

/** In-memory SQS queues for the local runtime: enough for dead-letter queues. */
export class LocalQueues {
  readonly #queues = new Map<string, QueuedMessage[]>();

  constructor(urls: readonly string[]) {
    for (const url of urls) this.#queues.set(url, []);
  }

  register(endpoint: AwsEndpoint): void {
    endpoint.register('AmazonSQS.SendMessage', async (input) =>
      this.send(String(input.QueueUrl), String(input.MessageBody)),
    );
    endpoint.register('AmazonSQS.ReceiveMessage', async (input) => ({
      Messages: this.#queue(String(input.QueueUrl)).slice(
        0,
        Number(input.MaxNumberOfMessages ?? 1),
      ),
    }));
    endpoint.register('AmazonSQS.GetQueueAttributes', async (input) => ({
      Attributes: {
        ApproximateNumberOfMessages: String(this.#queue(String(input.QueueUrl)).length),
      },
    }));
  }

  send(url: string, body: string) {
    const message = { MessageId: randomUUID(), Body: body, ReceiptHandle: randomUUID() };
    this.#queue(url).push(message);
    return { MessageId: message.MessageId };
  }

  /** The URL of every queue. */
  urls(): string[] {
    return [...this.#queues.keys()];
  }

  messages(url: string): readonly QueuedMessage[] {
    return this.#queue(url);
  }

  #queue(url: string): QueuedMessage[] {
    const queue = this.#queues.get(url);
    if (!queue)
      throw new AwsServiceError(
        'AWS.SimpleQueueService.NonExistentQueue',
        `No queue ${url}.`,
      );
    return queue;
  }
}
