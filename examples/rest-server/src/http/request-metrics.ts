/**
 * Prometheus counters of the HTTP edge, in the text exposition format: requests by route and status,
 * and the time they took (a histogram). Held per route pattern, never per URL, so memory stays bounded
 * by the number of routes.
 */
export class RequestMetrics {
  static readonly BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
  readonly #requests = new Map<string, number>();
  readonly #durations = new Map<string, { buckets: number[]; sum: number; count: number }>();

  /** Counts one answered request. */
  observe(method: string, route: string, status: number, seconds: number): void {
    const key = `method="${method}",route="${escapeLabel(route)}"`;
    const counted = `${key},status="${status}"`;
    this.#requests.set(counted, (this.#requests.get(counted) ?? 0) + 1);
    const histogram = this.#durations.get(key) ?? {
      buckets: RequestMetrics.BUCKETS.map(() => 0),
      sum: 0,
      count: 0,
    };
    RequestMetrics.BUCKETS.forEach((bound, i) => {
      if (seconds <= bound) histogram.buckets[i] = (histogram.buckets[i] ?? 0) + 1;
    });
    histogram.sum += seconds;
    histogram.count += 1;
    this.#durations.set(key, histogram);
  }

  /** The exposition text, with `extra` lines (gauges of the cloud) appended. */
  render(extra: readonly string[] = []): string {
    const lines = [
      '# HELP ecloud_http_requests_total HTTP requests answered, by route and status.',
      '# TYPE ecloud_http_requests_total counter',
      ...[...this.#requests].map(([labels, value]) => `ecloud_http_requests_total{${labels}} ${value}`),
      '# HELP ecloud_http_request_duration_seconds Time to answer an HTTP request.',
      '# TYPE ecloud_http_request_duration_seconds histogram',
    ];
    for (const [labels, h] of this.#durations) {
      RequestMetrics.BUCKETS.forEach((bound, i) => {
        lines.push(`ecloud_http_request_duration_seconds_bucket{${labels},le="${bound}"} ${h.buckets[i]}`);
      });
      lines.push(`ecloud_http_request_duration_seconds_bucket{${labels},le="+Inf"} ${h.count}`);
      lines.push(`ecloud_http_request_duration_seconds_sum{${labels}} ${h.sum}`);
      lines.push(`ecloud_http_request_duration_seconds_count{${labels}} ${h.count}`);
    }
    return `${[...lines, ...extra].join('\n')}\n`;
  }
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
