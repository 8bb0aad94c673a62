package io.supporto.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import io.supporto.notify.NotificationType;
import io.supporto.notify.Notifier;

/**
 * Remembers every notification the process asked for, then passes it on to the real notifier; or
 * fails once when a test wants a bug in the middle of a case step.
 */
public class RecordingNotifier implements Notifier {

    private final Notifier delegate;

    public RecordingNotifier(Notifier delegate) {
        this.delegate = delegate;
    }

    public record Sent(NotificationType type, String caseNumber) {
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final AtomicReference<RuntimeException> nextFailure = new AtomicReference<>();

    /** The next notification asked for throws this instead of being sent. */
    public void failNextSend(RuntimeException failure) {
        nextFailure.set(failure);
    }

    @Override
    public void send(NotificationType type, String caseNumber, String processInstanceId) {
        RuntimeException failure = nextFailure.getAndSet(null);
        if (failure != null) {
            throw failure;
        }
        sent.add(new Sent(type, caseNumber));
        delegate.send(type, caseNumber, processInstanceId);
    }

    public List<NotificationType> sentFor(String caseNumber) {
        return sent.stream().filter(s -> s.caseNumber().equals(caseNumber)).map(Sent::type).toList();
    }
}
