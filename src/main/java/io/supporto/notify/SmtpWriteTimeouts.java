package io.supporto.notify;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One thread watches every SMTP write for {@code mail.smtp.writetimeout}. Without an executor
 * handed to it, the mail library starts a thread pool of its own for each connection, and each
 * delivery opens a connection: 21,000 threads started in one timer-storm run (docs/benchmarks.md).
 */
@Configuration(proxyBeanMethods = false)
class SmtpWriteTimeouts {

    private static final String EXECUTOR_PROPERTY = "mail.smtp.executor.writetimeout";

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService smtpWriteTimeoutWatch(JavaMailSender sender) {
        ScheduledThreadPoolExecutor watch = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "smtp-write-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        // each write schedules a time-out and cancels it when done: drop cancelled ones at once
        watch.setRemoveOnCancelPolicy(true);
        if (sender instanceof JavaMailSenderImpl impl) {
            impl.getJavaMailProperties().put(EXECUTOR_PROPERTY, watch);
        }
        return watch;
    }
}
