package io.supporto.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Shows what the demo's SMTP server received, newest first, so the links in mails can be clicked. */
@Controller
@Profile("demo")
public class DemoMailController {

    private final GreenMail smtp;

    public DemoMailController(GreenMail smtp) {
        this.smtp = smtp;
    }

    public record MailSummary(int index, String subject, String to, String sent) {
    }

    @GetMapping("/demo/mails")
    public String list(Model model) throws MessagingException {
        MimeMessage[] received = smtp.getReceivedMessages();
        List<MailSummary> mails = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = received.length - 1; i >= 0; i--) {
            MimeMessage m = received[i];
            // the SMTP server keeps one copy per recipient: show each mail once
            if (!seen.add(String.valueOf(m.getMessageID()))) {
                continue;
            }
            mails.add(new MailSummary(i, m.getSubject(), addresses(m.getAllRecipients()),
                    m.getSentDate() == null ? "" : m.getSentDate().toInstant().toString()));
        }
        model.addAttribute("mails", mails);
        return "demo/mails";
    }

    @GetMapping("/demo/mails/{index}")
    public String show(@PathVariable int index, Model model) throws Exception {
        MimeMessage[] received = smtp.getReceivedMessages();
        if (index < 0 || index >= received.length) {
            return "redirect:/demo/mails";
        }
        MimeMessage m = received[index];
        model.addAttribute("subject", m.getSubject());
        model.addAttribute("to", addresses(m.getAllRecipients()));
        model.addAttribute("headers", List.of("Message-ID: " + m.getMessageID(),
                "In-Reply-To: " + nullToEmpty(m.getHeader("In-Reply-To", ",")),
                "References: " + nullToEmpty(m.getHeader("References", ","))));
        model.addAttribute("html", part(m, "text/html"));
        model.addAttribute("text", part(m, "text/plain"));
        return "demo/mail";
    }

    private static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return GreenMailUtil.getBody(part) == null ? null : (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String found = part(body, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : String.join(", ", Arrays.stream(addresses).map(Address::toString).toList());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
