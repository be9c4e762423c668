package com.example.kong;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.Aspects;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.datadog.provider.DatadogProvider;
import com.hashicorp.cdktf.providers.kubernetes.provider.KubernetesProvider;
import dev.cdktfkongmonitoring.DatadogNotifyProps;
import dev.cdktfkongmonitoring.Duration;
import dev.cdktfkongmonitoring.KongBestPractices;
import dev.cdktfkongmonitoring.KongGateway;
import dev.cdktfkongmonitoring.KongGatewayOptions;
import dev.cdktfkongmonitoring.KongMonitoring;
import dev.cdktfkongmonitoring.KongMonitoringDatadogOptions;
import dev.cdktfkongmonitoring.KongMonitoringGrafanaOptions;
import dev.cdktfkongmonitoring.KongMonitoringKubernetesOptions;
import dev.cdktfkongmonitoring.LoadBalancerCloud;
import dev.cdktfkongmonitoring.PrometheusAlertingOptions;
import dev.cdktfkongmonitoring.grafana.GrafanaProvider;
import java.util.List;
import java.util.Map;

public class Main {
    public static void main(String[] args) {
        App app = new App();
        TerraformStack stack = new TerraformStack(app, "kong-prod-eu");
        KubernetesProvider.Builder.create(stack, "kubernetes").build();
        DatadogProvider.Builder.create(stack, "datadog").build();
        GrafanaProvider.Builder.create(stack, "grafana").url("https://grafana.example.com").build();

        KongMonitoring.Builder.create(stack, "kong")
                .gateway(KongGateway.dbLess(KongGatewayOptions.builder()
                        .name("edge").namespace("kong").expectedNodes(6).tags(Map.of("team", "platform"))
                        .build()))
                .kubernetes(KongMonitoringKubernetesOptions.builder()
                        .deploy(true).loadBalancerCloud(LoadBalancerCloud.AWS)
                        .build())
                .datadog(KongMonitoringDatadogOptions.builder()
                        .notify(DatadogNotifyProps.builder()
                                .critical(List.of("@pagerduty-kong")).warning(List.of("@slack-kong"))
                                .build())
                        .renotifyInterval(Duration.minutes(30))
                        .build())
                .grafana(KongMonitoringGrafanaOptions.builder()
                        .prometheusDatasourceUid("prom").folderTitle("Kong")
                        .build())
                .prometheus(PrometheusAlertingOptions.builder()
                        .labels(Map.of("release", "kube-prometheus-stack"))
                        .build())
                .build();
        Aspects.of(stack).add(new KongBestPractices());
        app.synth();
    }
}
