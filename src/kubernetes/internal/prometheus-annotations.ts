/** `prometheus.io/*` pod annotations for annotation-driven scrape jobs. */
export function prometheusScrapeAnnotations(statusPort: number): { [key: string]: string } {
  return {
    'prometheus.io/scrape': 'true',
    'prometheus.io/port': String(statusPort),
    'prometheus.io/path': '/metrics',
  };
}
