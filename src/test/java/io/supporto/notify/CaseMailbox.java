package io.supporto.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * The mail side of one case, as the tests see it: the {@code notification-delivery} instances and
 * jobs of the case (business key "&lt;caseNumber&gt;/&lt;TYPE&gt;"), delivering them by running the jobs,
 * and the real messages the shared GreenMail server received for it (subject carries
 * "[caseNumber]"). Tests share the server and the database, so everything here is scoped to one
 * case number.
 */
public final class CaseMailbox {

    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");

    private final GreenMail smtp;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final MailOutbox outbox;

    public CaseMailbox(GreenMail smtp, ProcessEngine engine, MailOutbox outbox) {
        this.smtp = smtp;
        this.runtime = engine.getRuntimeService();
        this.management = engine.getManagementService();
        this.outbox = outbox;
    }

    // ---------------------------------------------------------------- delivery

    /** The running delivery instances of the case. */
    public List<ProcessInstance> deliveries(String caseNumber) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(MailNotifier.DELIVERY_PROCESS)
                .processInstanceBusinessKeyLike(caseNumber + "/%")
                .list();
    }

    /** The pending "Deliver email" jobs of the case (one per running delivery instance). */
    public List<Job> deliveryJobs(String caseNumber) {
        List<Job> jobs = new ArrayList<>();
        for (ProcessInstance delivery : deliveries(caseNumber)) {
            jobs.addAll(management.createJobQuery()
                    .processDefinitionKey(MailNotifier.DELIVERY_PROCESS)
                    .processInstanceId(delivery.getId())
                    .list());
        }
        return jobs;
    }

    /** Runs every pending delivery job of the case, each must succeed; answers how many ran. */
    public int deliver(String caseNumber) {
        List<Job> jobs = deliveryJobs(caseNumber);
        for (Job job : jobs) {
            assertThat(job.getRetries()).as("retries of delivery job %s of %s", job.getId(), caseNumber)
                    .isPositive();
            management.executeJob(job.getId());
        }
        assertThat(deliveries(caseNumber)).as("delivery instances of %s left after delivering", caseNumber)
                .isEmpty();
        return jobs.size();
    }

    // ---------------------------------------------------------------- received mail

    /**
     * Every distinct message GreenMail received for the case (GreenMail keeps one copy per
     * recipient: these are deduplicated by Message-ID), in the order the outbox wrote them.
     */
    public List<Received> received(String caseNumber) {
        Map<String, OutboxMail> written = new LinkedHashMap<>();
        for (OutboxMail mail : outbox.of(caseNumber)) {
            written.put(mail.messageId(), mail);
        }
        Map<String, MimeMessage> byId = new LinkedHashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                String subject = message.getSubject();
                if (subject != null && subject.contains("[" + caseNumber + "]")) {
                    byId.putIfAbsent(message.getMessageID(), message);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        List<Received> result = new ArrayList<>();
        for (OutboxMail mail : written.values()) {
            MimeMessage message = byId.remove(mail.messageId());
            if (message != null) {
                result.add(Received.of(message, mail.kind()));
            }
        }
        assertThat(byId.keySet()).as("received mails of %s that the outbox does not know", caseNumber).isEmpty();
        return result;
    }

    public List<Received> received(String caseNumber, NotificationType kind) {
        return received(caseNumber).stream().filter(m -> m.kind() == kind).toList();
    }

    /** The one mail of this kind the case received. */
    public Received one(String caseNumber, NotificationType kind) {
        List<Received> mails = received(caseNumber, kind);
        assertThat(mails).as("%s mails received for %s (all: %s)", kind, caseNumber,
                received(caseNumber).stream().map(Received::kind).toList()).hasSize(1);
        return mails.get(0);
    }

    /** How many copies of the message are in the inbox of this address (0 when it has none). */
    public int copiesIn(String address, String messageId) {
        return count(smtp, address, message -> messageId.equals(message.getMessageID()));
    }

    /** A property of a received message, which may not be readable. */
    public interface MessageTest {
        boolean matches(MimeMessage message) throws MessagingException;
    }

    /**
     * How many messages in the address's inbox on this GreenMail pass the test (0 when it has no
     * inbox); GreenMail keeps one copy per recipient.
     */
    public static int count(GreenMail smtp, String address, MessageTest test) {
        GreenMailUser user = smtp.getUserManager().getUserByEmail(address);
        if (user == null) {
            return 0;
        }
        try {
            int count = 0;
            for (StoredMessage stored : smtp.getManagers().getImapHostManager().getInbox(user).getMessages()) {
                if (test.matches(stored.getMimeMessage())) {
                    count++;
                }
            }
            return count;
        } catch (FolderException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The outbox row of a received mail. */
    public OutboxMail outboxRow(String caseNumber, String messageId) {
        return outbox.of(caseNumber).stream().filter(m -> m.messageId().equals(messageId)).findFirst()
                .orElseThrow(() -> new AssertionError("no outbox row with Message-ID " + messageId));
    }

    // ---------------------------------------------------------------- one message

    /** A received message with its parts taken apart. */
    public record Received(MimeMessage message, NotificationType kind, String messageId, String subject,
                           List<String> to, String contentLanguage, String inReplyTo, String references,
                           String structure, String text, String html) {

        static Received of(MimeMessage message, NotificationType kind) {
            try {
                Bodies bodies = new Bodies();
                String structure = walk(message, bodies);
                List<String> to = new ArrayList<>();
                Address[] recipients = message.getRecipients(Message.RecipientType.TO);
                for (Address address : recipients == null ? new Address[0] : recipients) {
                    to.add(((InternetAddress) address).getAddress());
                }
                return new Received(message, kind, message.getMessageID(), message.getSubject(), to,
                        message.getHeader("Content-Language", ","), message.getHeader("In-Reply-To", ","),
                        message.getHeader("References", ","), structure, bodies.text, bodies.html);
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Every href of the HTML part, in order, with entities of attribute values decoded. */
        public List<String> hrefs() {
            List<String> hrefs = new ArrayList<>();
            Matcher m = HREF.matcher(html == null ? "" : html);
            while (m.find()) {
                hrefs.add(m.group(1).replace("&amp;", "&"));
            }
            return hrefs;
        }

        /** The distinct action links (…/actions/…) of the HTML part, in order. */
        public List<String> actionLinks() {
            return hrefs().stream().filter(h -> h.contains("/actions/")).distinct().toList();
        }

        /** The action link for this action, read from the token's payload. */
        public Optional<String> actionLink(String action) {
            return actionLinks().stream().filter(l -> LinkToken.of(l).action().equals(action)).findFirst();
        }

        /** The lang attribute of the HTML part's root element. */
        public String htmlLang() {
            Matcher m = Pattern.compile("<html[^>]*\\slang=\"([^\"]*)\"").matcher(html == null ? "" : html);
            return m.find() ? m.group(1) : null;
        }

        public String header(String name) {
            try {
                return message.getHeader(name, ",");
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String toString() {
            return kind + " " + messageId + " \"" + subject + "\"";
        }

        private static final class Bodies {
            String text;
            String html;
        }

        /** Describes the MIME tree, e.g. "multipart/alternative[text/plain,text/html]", collecting the bodies. */
        private static String walk(Part part, Bodies bodies) throws MessagingException, IOException {
            String type = part.getContentType().toLowerCase().split(";")[0].trim();
            if (part.isMimeType("multipart/*")) {
                MimeMultipart multipart = (MimeMultipart) part.getContent();
                List<String> children = new ArrayList<>();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    children.add(walk(child, bodies));
                }
                return type + "[" + String.join(",", children) + "]";
            }
            // SMTP carries CRLF line ends: compare texts with plain \n
            if (part.isMimeType("text/plain") && bodies.text == null) {
                bodies.text = ((String) part.getContent()).replace("\r\n", "\n");
            } else if (part.isMimeType("text/html") && bodies.html == null) {
                bodies.html = ((String) part.getContent()).replace("\r\n", "\n");
            }
            return type;
        }
    }

    /** The readable payload of an action link's token: "id|caseNumber|ACTION|closureNo|expiresEpochSecond". */
    public record LinkToken(String token, String payload, String signature, String id, String caseNumber,
                            String action, int closureNo, long expiresAt) {

        public static LinkToken of(String url) {
            String token = url.substring(url.indexOf("/actions/") + "/actions/".length());
            int dot = token.lastIndexOf('.');
            String payload = token.substring(0, dot);
            String[] fields = new String(java.util.Base64.getUrlDecoder().decode(payload),
                    java.nio.charset.StandardCharsets.UTF_8).split("\\|", -1);
            if (fields.length != 5) {
                fail("unexpected link payload " + Arrays.toString(fields));
            }
            return new LinkToken(token, payload, token.substring(dot + 1), fields[0], fields[1], fields[2],
                    Integer.parseInt(fields[3]), Long.parseLong(fields[4]));
        }
    }
}
