package com.example.kong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java consumer app synthesizes what the TypeScript reference app synthesizes.
 * KONG_POLYGLOT_REFERENCE names the reference app's working directory, synthesized by the same
 * run from the current build (never a stored copy): see test/polyglot/run.
 */
class MainTest {
    private static final String STACK = "kong-prod-eu";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void javaAppSynthesizesWhatTheTypeScriptAppDoes(@TempDir Path appDir) throws Exception {
        String reference = System.getenv("KONG_POLYGLOT_REFERENCE");
        assertNotNull(reference, "KONG_POLYGLOT_REFERENCE is unset: run this through test/polyglot/run");
        Path referenceDir = Paths.get(reference);

        // As `cdktf synth` runs an app: its own process, in the app's directory.
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Process app = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName())
                .directory(appDir.toFile()).redirectErrorStream(true).start();
        String log = new String(app.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, app.waitFor(), log);

        Map<String, Object> javaFiles = withoutStatePath(outputFiles(appDir.resolve("cdktf.out")), appDir);
        Map<String, Object> typescriptFiles = withoutStatePath(outputFiles(referenceDir.resolve("cdktf.out")), referenceDir);

        assertEquals(typescriptFiles.keySet(), javaFiles.keySet());
        assertFalse(((JsonNode) javaFiles.get("stacks/" + STACK + "/cdk.tf.json")).path("resource").isEmpty());
        for (Map.Entry<String, Object> expected : typescriptFiles.entrySet()) {
            Object actual = javaFiles.get(expected.getKey());
            if (expected.getValue() instanceof JsonNode) {
                if (!expected.getValue().equals(actual)) {
                    fail(expected.getKey() + " differs at " + firstDifference((JsonNode) expected.getValue(), (JsonNode) actual, ""));
                }
            } else {
                assertEquals(expected.getValue(), actual, expected.getKey());
            }
        }
    }

    /** Every file of a cdktf.out, JSON parsed, by path relative to it. */
    private static Map<String, Object> outputFiles(Path outdir) throws IOException {
        Map<String, Object> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(outdir)) {
            for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                String name = outdir.relativize(path).toString().replace('\\', '/');
                String text = Files.readString(path, StandardCharsets.UTF_8);
                files.put(name, name.endsWith(".json") ? JSON.readTree(text) : text);
            }
        }
        return files;
    }

    /**
     * The local backend's state path is absolute (the app's working directory): the one part of
     * the output that differs by where an app runs. Checked, then left out.
     */
    private static Map<String, Object> withoutStatePath(Map<String, Object> files, Path appDir) {
        ObjectNode local = (ObjectNode) ((JsonNode) files.get("stacks/" + STACK + "/cdk.tf.json")).path("terraform").path("backend").path("local");
        String stateFile = "terraform." + STACK + ".tfstate";
        assertEquals(appDir.resolve(stateFile).toString(), local.path("path").asText());
        local.put("path", stateFile);
        return files;
    }

    /** JSON pointer of the first place two documents differ, for the failure message. */
    private static String firstDifference(JsonNode expected, JsonNode actual, String at) {
        if (actual == null || expected.getNodeType() != actual.getNodeType() || expected.size() != actual.size()) {
            return at.isEmpty() ? "/" : at;
        }
        if (expected.isObject()) {
            for (Iterator<String> names = expected.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!expected.get(name).equals(actual.get(name))) {
                    return firstDifference(expected.get(name), actual.get(name), at + "/" + name);
                }
            }
        } else if (expected.isArray()) {
            for (int i = 0; i < expected.size(); i++) {
                if (!expected.get(i).equals(actual.get(i))) {
                    return firstDifference(expected.get(i), actual.get(i), at + "/" + i);
                }
            }
        }
        return at.isEmpty() ? "/" : at;
    }
}
