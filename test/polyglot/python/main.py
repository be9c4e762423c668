#!/usr/bin/env python
from cdktf import App, Aspects, TerraformStack
from cdktf_cdktf_provider_datadog.provider import DatadogProvider
from cdktf_cdktf_provider_kubernetes.provider import KubernetesProvider
from cdktf_kong_monitoring import (
    Duration,
    KongBestPractices,
    KongGateway,
    KongMonitoring,
    LoadBalancerCloud,
    grafana,
)

app = App()
stack = TerraformStack(app, "kong-prod-eu")
KubernetesProvider(stack, "kubernetes")
DatadogProvider(stack, "datadog")
grafana.GrafanaProvider(stack, "grafana", url="https://grafana.example.com")

KongMonitoring(
    stack,
    "kong",
    gateway=KongGateway.db_less(
        name="edge", namespace="kong", expected_nodes=6, tags={"team": "platform"}
    ),
    kubernetes={"deploy": True, "load_balancer_cloud": LoadBalancerCloud.AWS},
    datadog={
        "notify": {"critical": ["@pagerduty-kong"], "warning": ["@slack-kong"]},
        "renotify_interval": Duration.minutes(30),
    },
    grafana={"prometheus_datasource_uid": "prom", "folder_title": "Kong"},
    prometheus={"labels": {"release": "kube-prometheus-stack"}},
)
Aspects.of(stack).add(KongBestPractices())
app.synth()
