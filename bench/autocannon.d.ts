// The few parts of autocannon 9 that the webhook bench uses; the package ships no types.
declare module "autocannon" {
  type Histogram = { average: number; p50: number; p90: number; p99: number; max: number };
  type RawRequest = { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer };
  type Options = {
    url: string;
    connections?: number;
    amount?: number;
    duration?: number;
    pipelining?: number;
    requests?: Array<RawRequest & { setupRequest?: (request: RawRequest) => RawRequest }>;
  };
  type Result = {
    latency: Histogram;
    requests: Histogram & { total: number; sent: number };
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    "2xx": number;
  };
  /** The promise is also the run's event emitter; "response" fires as each answer arrives. */
  type Run = Promise<Result> & { on(event: "response", listener: (client: unknown, statusCode: number) => void): Run };
  function autocannon(options: Options): Run;
  export default autocannon;
}
