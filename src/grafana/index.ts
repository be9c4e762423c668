export * from './dashboard/grafana-dashboard';
export * as provider from './provider';
export * from './alerting/grafana-alert-rules';
export * from './alerting/notifier';
export * from './alerting/grafana-alerting-policy';
