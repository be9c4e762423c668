module example.com/kong-monitoring-consumer

go 1.25.0

require (
	github.com/aws/jsii-runtime-go v1.140.0
	github.com/cdktf-kong-monitoring/cdktf-kong-monitoring-go/cdktfkongmonitoring v0.0.0
	github.com/cdktf/cdktf-provider-datadog-go/datadog/v12 v12.15.2
	github.com/cdktf/cdktf-provider-kubernetes-go/kubernetes/v12 v12.1.1
	github.com/hashicorp/terraform-cdk-go/cdktf v0.21.0
)

require (
	github.com/Masterminds/semver/v3 v3.5.0 // indirect
	github.com/aws/constructs-go/constructs/v10 v10.4.2 // indirect
	github.com/fatih/color v1.19.0 // indirect
	github.com/mattn/go-colorable v0.1.14 // indirect
	github.com/mattn/go-isatty v0.0.24 // indirect
	github.com/yuin/goldmark v1.7.16 // indirect
	golang.org/x/lint v0.0.0-20241112194109-818c5a804067 // indirect
	golang.org/x/mod v0.39.0 // indirect
	golang.org/x/sync v0.22.0 // indirect
	golang.org/x/sys v0.47.0 // indirect
	golang.org/x/telemetry v0.0.0-20260811182544-a038080d80e5 // indirect
	golang.org/x/tools v0.49.0 // indirect
	golang.org/x/tools/cmd/godoc v0.1.0-deprecated // indirect
	golang.org/x/tools/godoc v0.1.0-deprecated // indirect
)

// The library from this checkout's jsii-pacmak build. The Go module proxy serves cdktf v0.21.0
// but neither provider module: test/polyglot/build-missing-deps builds them with jsii-pacmak
// from their npm packages into node_modules/<package>/dist/go.
replace github.com/cdktf-kong-monitoring/cdktf-kong-monitoring-go/cdktfkongmonitoring => ../../../dist/go/cdktfkongmonitoring

replace github.com/cdktf/cdktf-provider-datadog-go/datadog/v12 => ../../../node_modules/@cdktf/provider-datadog/dist/go/datadog

replace github.com/cdktf/cdktf-provider-kubernetes-go/kubernetes/v12 => ../../../node_modules/@cdktf/provider-kubernetes/dist/go/kubernetes
