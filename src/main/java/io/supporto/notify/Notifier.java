package io.supporto.notify;

/** The one way out of the process towards people: every send step of the model calls this. */
public interface Notifier {

    /**
     * @param processInstanceId the case's {@code support-case} process instance, which internal
     *                          mails link to in Cockpit
     */
    void send(NotificationType type, String caseNumber, String processInstanceId);
}
