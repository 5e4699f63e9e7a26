import autocannon from 'autocannon';

export type Throughput = { requestsPerSecond: number; p50Ms: number; p99Ms: number; failures: number };

/** Ten connections on loopback for `seconds`, as many requests as the server answers. */
export async function measureThroughput(
  url: string,
  authorization: string,
  seconds: number,
): Promise<Throughput> {
  const result = await autocannon({ url, connections: 10, duration: seconds, headers: { authorization } });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    failures: result.non2xx + result.errors,
  };
}
