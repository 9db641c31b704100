// The few parts of autocannon's API the benchmarks use (the package ships no types).
declare module 'autocannon' {
  namespace autocannon {
    type Request = { method?: string; path?: string; headers?: Record<string, string>; body?: string; setupRequest?: (req: Request) => Request };
    type Options = {
      url: string;
      connections?: number;
      duration?: number;
      method?: string;
      headers?: Record<string, string>;
      body?: string;
      requests?: Request[];
    };
    type Histogram = { average: number; p50: number; p90: number; p99: number; max: number };
    type Result = {
      requests: Histogram & { total: number };
      latency: Histogram;
      throughput: Histogram;
      non2xx: number;
      /** Answers per status code, e.g. { "200": { count: 120 } }. */
      statusCodeStats?: Record<string, { count: number }>;
      errors: number;
      timeouts: number;
      '2xx': number;
    };
  }
  /** The run: awaitable for its result, and an emitter of 'reqError' (one per failed request). */
  function autocannon(options: autocannon.Options): Promise<autocannon.Result> & { on(event: 'reqError', listener: (error: Error) => void): void };
  export default autocannon;
}
