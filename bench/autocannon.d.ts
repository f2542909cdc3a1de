// autocannon ships no types and @types/autocannon is not installed; this declares
// only the part of its API the benchmark uses.
declare module 'autocannon' {
  interface Options {
    readonly url: string;
    readonly method?: string;
    readonly headers?: Record<string, string>;
    readonly body?: string;
    readonly connections?: number;
    readonly duration?: number;
    /** Milliseconds between its samples; it notices the end of `duration` only then. */
    readonly sampleInt?: number;
  }

  interface Result {
    readonly requests: { readonly total: number };
    readonly non2xx: number;
    readonly errors: number;
  }

  interface Instance extends PromiseLike<Result> {
    on(
      event: 'response',
      listener: (
        client: unknown,
        statusCode: number,
        bytes: number,
        responseTime: number,
      ) => void,
    ): this;
  }

  export default function autocannon(options: Options): Instance;
}
