// autocannon ships no types and @types/autocannon is not a dependency: this declares only the
// part of its programmatic API the benchmark uses (see node_modules/autocannon/README.md).
declare module "autocannon" {
  export type Request = {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    setupRequest?: (req: Request, context: Record<string, unknown>) => Request;
  };
  export type Options = {
    url: string;
    connections?: number;
    duration?: number;
    pipelining?: number;
    timeout?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    requests?: Request[];
  };
  export type Histogram = { average: number; min: number; max: number; p50: number; p99: number; p97_5: number };
  export type Result = {
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    "2xx": number;
    latency: Histogram;
    requests: Histogram & { total: number };
    statusCodeStats: Record<string, { count: number }>;
  };
  export type Instance = PromiseLike<Result> & { stop(): void };
  export default function autocannon(opts: Options): Instance;
}
