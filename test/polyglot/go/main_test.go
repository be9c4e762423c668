package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

const stack = "kong-prod-eu"

// The Go consumer app synthesizes what the TypeScript reference app synthesizes.
// KONG_POLYGLOT_REFERENCE names the reference app's working directory, synthesized by the same
// run from the current build (never a stored copy): see test/polyglot/run.
func TestGoAppSynthesizesWhatTheTypeScriptAppDoes(t *testing.T) {
	reference := os.Getenv("KONG_POLYGLOT_REFERENCE")
	if reference == "" {
		t.Fatal("KONG_POLYGLOT_REFERENCE is unset: run this through test/polyglot/run")
	}
	// The app runs in its own directory, as `cdktf synth` runs it; the jsii runtime starts its
	// JavaScript process on the first call, in that directory.
	appDir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(appDir)
	main()

	goFiles := withoutStatePath(t, outputFiles(t, filepath.Join(appDir, "cdktf.out")), appDir)
	typescriptFiles := withoutStatePath(t, outputFiles(t, filepath.Join(reference, "cdktf.out")), reference)

	if got, want := names(goFiles), names(typescriptFiles); !reflect.DeepEqual(got, want) {
		t.Fatalf("files: got %v, want %v", got, want)
	}
	if resources, _ := goFiles["stacks/"+stack+"/cdk.tf.json"].(map[string]any)["resource"].(map[string]any); len(resources) == 0 {
		t.Fatal("the Go app synthesized no resources")
	}
	for name, want := range typescriptFiles {
		if got := goFiles[name]; !reflect.DeepEqual(got, want) {
			t.Errorf("%s differs at %s", name, firstDifference(want, got, ""))
		}
	}
}

// outputFiles reads every file of a cdktf.out, JSON parsed, by path relative to it.
func outputFiles(t *testing.T, outdir string) map[string]any {
	t.Helper()
	files := map[string]any{}
	err := filepath.WalkDir(outdir, func(path string, entry fs.DirEntry, err error) error {
		if err != nil || entry.IsDir() {
			return err
		}
		text, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		name, _ := filepath.Rel(outdir, path)
		name = filepath.ToSlash(name)
		if !strings.HasSuffix(name, ".json") {
			files[name] = string(text)
			return nil
		}
		var doc any
		if err := json.Unmarshal(text, &doc); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		files[name] = doc
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// withoutStatePath checks, then leaves out, the local backend's state path: it is absolute
// (the app's working directory), the one part of the output that differs by where an app runs.
func withoutStatePath(t *testing.T, files map[string]any, appDir string) map[string]any {
	t.Helper()
	doc, _ := files["stacks/"+stack+"/cdk.tf.json"].(map[string]any)
	terraform, _ := doc["terraform"].(map[string]any)
	backend, _ := terraform["backend"].(map[string]any)
	local, _ := backend["local"].(map[string]any)
	stateFile := "terraform." + stack + ".tfstate"
	if got, want := local["path"], filepath.Join(appDir, stateFile); got != want {
		t.Fatalf("local backend path: got %v, want %v", got, want)
	}
	local["path"] = stateFile
	return files
}

func names(files map[string]any) []string {
	list := make([]string, 0, len(files))
	for name := range files {
		list = append(list, name)
	}
	sort.Strings(list)
	return list
}

// firstDifference gives the JSON pointer of the first place two documents differ.
func firstDifference(want, got any, at string) string {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok || len(g) != len(w) {
			break
		}
		keys := make([]string, 0, len(w))
		for k := range w {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if !reflect.DeepEqual(w[k], g[k]) {
				return firstDifference(w[k], g[k], at+"/"+k)
			}
		}
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			break
		}
		for i := range w {
			if !reflect.DeepEqual(w[i], g[i]) {
				return firstDifference(w[i], g[i], fmt.Sprintf("%s/%d", at, i))
			}
		}
	}
	if at == "" {
		return "/"
	}
	return at
}
