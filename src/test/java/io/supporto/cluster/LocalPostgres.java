package io.supporto.cluster;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own, which it may stop and start while the shared one keeps
 * serving the other tests: a fresh cluster ({@code initdb}) in a temporary directory, listening
 * on a free port of 127.0.0.1 only (its Unix socket in that directory too), run with the Debian
 * package's binaries as the {@code postgres} OS user (initdb and postgres refuse to run as root).
 * Password authentication over TCP, as the app meets PostgreSQL in production; the superuser is
 * {@link #USER}. {@link #close()} stops it and deletes the directory; a shutdown hook stops it if
 * the test's JVM ends first.
 */
final class LocalPostgres implements AutoCloseable {

    static final String USER = "supporto";
    private static final String OS_USER = "postgres";
    private static final Path PACKAGES = Path.of("/usr/lib/postgresql");
    private static final List<Path> RUNUSER = List.of(Path.of("/usr/sbin/runuser"), Path.of("/sbin/runuser"));

    private final Path bin;
    private final Path directory;
    private final Path data;
    private final Path log;
    private final int port;
    private final String password;
    private final Thread stopOnExit;

    private LocalPostgres(Path bin, Path directory, int port, String password) {
        this.bin = bin;
        this.directory = directory;
        this.data = directory.resolve("data");
        this.log = directory.resolve("postgres.log");
        this.port = port;
        this.password = password;
        this.stopOnExit = new Thread(() -> {
            try {
                pgCtl("stop", "-m", "immediate");
            } catch (IOException | InterruptedException | AssertionError e) {
                // the JVM is ending anyway
            }
        });
    }

    /**
     * Skips the calling test, saying why, where no server of its own can be made: not root (the
     * binaries are run as the postgres OS user through runuser), or no PostgreSQL package installed
     * (CI's .ci/run installs one, which also makes the postgres OS user).
     */
    static Path assumeAvailable() {
        assumeTrue("root".equals(System.getProperty("user.name")),
                "a PostgreSQL server of the test's own is run through runuser as the postgres OS user, which needs"
                        + " root; running as " + System.getProperty("user.name"));
        assumeTrue(RUNUSER.stream().anyMatch(Files::isExecutable), "no runuser (util-linux) at " + RUNUSER);
        Optional<Path> bin = binaries();
        assumeTrue(bin.isPresent(), "no PostgreSQL binaries (initdb, pg_ctl) under " + PACKAGES
                + "/<version>/bin: install the postgresql package, as .ci/run does");
        try {
            PACKAGES.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(OS_USER);
        } catch (IOException e) {
            assumeTrue(false, "no " + OS_USER + " OS user to run PostgreSQL as (the postgresql package makes it)");
        }
        return bin.get();
    }

    /** The newest installed version's bin directory with initdb and pg_ctl. */
    private static Optional<Path> binaries() {
        if (!Files.isDirectory(PACKAGES)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(PACKAGES)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(LocalPostgres::version));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int version(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A new cluster, started and accepting connections. */
    static LocalPostgres start(Path bin, String password) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("supporto-postgres-");
        LocalPostgres postgres = new LocalPostgres(bin, directory, Node.freePort(), password);
        try {
            UserPrincipal owner = directory.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(OS_USER);
            Files.setOwner(directory, owner);
            Path passwordFile = directory.resolve("password");
            Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
            Files.setOwner(passwordFile, owner);
            postgres.run(List.of(bin.resolve("initdb").toString(), "--pgdata=" + postgres.data, "--username=" + USER,
                    "--pwfile=" + passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256",
                    "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"));
            Runtime.getRuntime().addShutdownHook(postgres.stopOnExit);
            postgres.start();
            return postgres;
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            postgres.close();
            throw e;
        }
    }

    /** Starts the server and waits until it accepts connections. */
    void start() throws IOException, InterruptedException {
        pgCtl("start", "--log=" + log, "-o", "-c listen_addresses=127.0.0.1 -c port=" + port
                + " -c unix_socket_directories=" + directory);
    }

    /**
     * Stops the server as an operator's restart does ({@code pg_ctl stop}, fast mode): sessions are
     * ended at once, their open transactions rolled back; returns when it is down.
     */
    void stop() throws IOException, InterruptedException {
        pgCtl("stop", "-m", "fast");
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    String password() {
        return password;
    }

    @Override
    public String toString() {
        return "PostgreSQL " + bin.getParent().getFileName() + " on 127.0.0.1:" + port + " in " + directory;
    }

    private void pgCtl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "--pgdata=" + data,
                "--wait", "--timeout=60"));
        command.addAll(List.of(args));
        run(command);
    }

    /** Runs the command as the postgres OS user; fails with its output when it fails. */
    private void run(List<String> command) throws IOException, InterruptedException {
        Path runuser = RUNUSER.stream().filter(Files::isExecutable).findFirst().orElseThrow();
        List<String> asPostgres = new ArrayList<>(List.of(runuser.toString(), "-u", OS_USER, "--"));
        asPostgres.addAll(command);
        Path output = Files.createTempFile("supporto-postgres-command-", ".log");
        try {
            Process process = new ProcessBuilder(asPostgres).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not end within 90 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed with " + process.exitValue() + ":\n"
                        + Files.readString(output) + (Files.exists(log) ? "\nserver log:\n" + Files.readString(log) : ""));
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** Stops the server (if it runs) and deletes its directory. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                pgCtl("stop", "-m", "immediate");
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // the JVM is shutting down, or the hook was never added
            }
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
