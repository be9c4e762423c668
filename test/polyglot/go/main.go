package main

import (
	"github.com/aws/jsii-runtime-go"
	kong "github.com/cdktf-kong-monitoring/cdktf-kong-monitoring-go/cdktfkongmonitoring"
	"github.com/cdktf-kong-monitoring/cdktf-kong-monitoring-go/cdktfkongmonitoring/grafana"
	datadog "github.com/cdktf/cdktf-provider-datadog-go/datadog/v12/provider"
	kubernetes "github.com/cdktf/cdktf-provider-kubernetes-go/kubernetes/v12/provider"
	"github.com/hashicorp/terraform-cdk-go/cdktf"
)

func main() {
	app := cdktf.NewApp(nil)
	stack := cdktf.NewTerraformStack(app, jsii.String("kong-prod-eu"))
	kubernetes.NewKubernetesProvider(stack, jsii.String("kubernetes"), &kubernetes.KubernetesProviderConfig{})
	datadog.NewDatadogProvider(stack, jsii.String("datadog"), &datadog.DatadogProviderConfig{})
	grafana.NewGrafanaProvider(stack, jsii.String("grafana"), &grafana.GrafanaProviderConfig{
		Url: jsii.String("https://grafana.example.com"),
	})

	kong.NewKongMonitoring(stack, jsii.String("kong"), &kong.KongMonitoringProps{
		Gateway: kong.KongGateway_DbLess(&kong.KongGatewayOptions{
			Name:          jsii.String("edge"),
			Namespace:     jsii.String("kong"),
			ExpectedNodes: jsii.Number(6),
			Tags:          &map[string]*string{"team": jsii.String("platform")},
		}),
		Kubernetes: &kong.KongMonitoringKubernetesOptions{
			Deploy:            jsii.Bool(true),
			LoadBalancerCloud: kong.LoadBalancerCloud_AWS,
		},
		Datadog: &kong.KongMonitoringDatadogOptions{
			Notify: &kong.DatadogNotifyProps{
				Critical: jsii.Strings("@pagerduty-kong"),
				Warning:  jsii.Strings("@slack-kong"),
			},
			RenotifyInterval: kong.Duration_Minutes(jsii.Number(30)),
		},
		Grafana: &kong.KongMonitoringGrafanaOptions{
			PrometheusDatasourceUid: jsii.String("prom"),
			FolderTitle:             jsii.String("Kong"),
		},
		Prometheus: &kong.PrometheusAlertingOptions{
			Labels: &map[string]*string{"release": jsii.String("kube-prometheus-stack")},
		},
	})
	cdktf.Aspects_Of(stack).Add(kong.NewKongBestPractices(nil))
	app.Synth()
}
