export * from './dashboard/grafana-dashboard';
export * from './alerting/grafana-alert-rules';
export * from './alerting/notifier';
export * from './alerting/grafana-alerting-policy';
export * from './grafana-backend';
