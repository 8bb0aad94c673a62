package io.supporto.notify;

/** The one way out of the process towards people: every send step of the model calls this. */
public interface Notifier {

    void send(NotificationType type, String caseNumber);
}
