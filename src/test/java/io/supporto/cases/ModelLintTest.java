package io.supporto.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every model under {@code bpmn/} is clean under Camunda Modeler's lint rules
 * ({@code bpmn/.bpmnlintrc}: bpmnlint's recommended rules and camunda-compat for 7.24): no error
 * and no warning. The linter comes from the npm registry at the versions of
 * {@code src/test/bpmnlint/package.json}; without Node.js the test is skipped, except in CI.
 */
class ModelLintTest {

    private static final Path WORK = Path.of("target", "bpmnlint");

    @Test
    void everyModelIsLintClean() throws Exception {
        boolean ci = "true".equals(System.getenv("CI"));
        assumeTrue(ci || onPath("npm"), "npm is not installed; skipped outside CI (CI=true makes it fail)");
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json")) {
            Files.copy(Path.of("src", "test", "bpmnlint", file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Run install = run(WORK, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
        assertThat(install.exit()).as("npm ci in %s:%n%s", WORK, install.output()).isZero();

        List<String> lint = new ArrayList<>(List.of(WORK.resolve("node_modules/.bin/bpmnlint").toAbsolutePath().toString(),
                "--config", Path.of("bpmn", ".bpmnlintrc").toAbsolutePath().toString(), "--max-warnings=0"));
        List<String> models;
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            models = files.filter(p -> p.toString().endsWith(".bpmn")).map(p -> p.toAbsolutePath().toString()).sorted().toList();
        }
        assertThat(models).as("models under bpmn/").hasSizeGreaterThanOrEqualTo(3);
        lint.addAll(models);
        Run result = run(WORK, lint.toArray(String[]::new));
        assertThat(result.exit()).as("bpmnlint found problems:%n%s", result.output()).isZero();
    }

    /**
     * What Camunda's form linter warns about in these forms (an accessibility rule): a disabled field
     * cannot be focused or read out and is shown in low contrast. Facts of the case are text, what the
     * agent may read but not change is a read-only field, and read-only fields hold the task's own
     * copies ({@code tasks.PrepareTask#SUMMARY}), since Tasklist submits them with the answer.
     */
    @Test
    void noFormFieldIsDisabledAndReadOnlyFieldsShowTheTasksOwnCopies() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> problems = new ArrayList<>();
        List<Path> forms;
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            forms = files.filter(p -> p.toString().endsWith(".form")).sorted().toList();
        }
        assertThat(forms).hasSizeGreaterThanOrEqualTo(5);
        for (Path form : forms) {
            json.readTree(form.toFile()).findParents("type").forEach(component -> {
                String key = component.path("key").asText(null);
                if (component.path("disabled").asBoolean(false)) {
                    problems.add(form.getFileName() + ": " + key + " is disabled");
                }
                if (component.path("readonly").asBoolean(false) && key != null
                        && !io.supporto.cases.tasks.PrepareTask.SUMMARY.contains(key)) {
                    problems.add(form.getFileName() + ": read-only " + key + " would be submitted over the case's variable");
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    private record Run(int exit, String output) {
    }

    private static Run run(Path directory, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Run(-1, output + "\n(timed out)");
        }
        return new Run(process.exitValue(), output);
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
