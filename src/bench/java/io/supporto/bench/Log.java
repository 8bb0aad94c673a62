package io.supporto.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Progress on stdout and in target/bench/bench.log. */
final class Log {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static PrintWriter file;

    private Log() {
    }

    static synchronized void open(Path path) throws IOException {
        file = new PrintWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND), true);
    }

    static synchronized void info(String message) {
        String line = LocalTime.now().format(TIME) + " " + message;
        System.out.println(line);
        if (file != null) {
            file.println(line);
        }
    }

    static void warn(String message) {
        info("WARNING: " + message);
    }
}
