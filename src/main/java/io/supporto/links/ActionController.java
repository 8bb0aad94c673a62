package io.supporto.links;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import io.supporto.cases.CaseConflictException;
import io.supporto.cases.CaseRepository;
import io.supporto.cases.SupportCase;
import io.supporto.notify.MailComposer;
import io.supporto.organizations.Organization;
import io.supporto.organizations.OrganizationService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The pages behind the links in emails. GET only shows what the link would do, so a mail
 * scanner that follows links changes nothing; the page's button POSTs and performs the action.
 */
@Controller
@RequestMapping("/actions")
public class ActionController {

    private final ActionLinks links;
    private final LinkActionService actions;
    private final CaseRepository cases;
    private final OrganizationService organizations;

    public ActionController(ActionLinks links, LinkActionService actions, CaseRepository cases,
                            OrganizationService organizations) {
        this.links = links;
        this.actions = actions;
        this.cases = cases;
        this.organizations = organizations;
    }

    @GetMapping("/{token}")
    public String show(@PathVariable String token, Model model, HttpServletRequest request,
                       HttpServletResponse response) {
        LinkCheck check = links.check(token);
        if (!check.valid()) {
            return rejected(check, model, request, response);
        }
        describe(check, token, model, request);
        return "actions/action";
    }

    @PostMapping("/{token}")
    public String perform(@PathVariable String token, @ModelAttribute LinkForm form, Model model,
                          HttpServletRequest request, HttpServletResponse response) {
        try {
            String outcome = actions.perform(token, form);
            describe(links.check(token), token, model, request);
            model.addAttribute("outcome", outcome);
            return "actions/done";
        } catch (LinkRejectedException e) {
            return rejected(e.check(), model, request, response);
        } catch (InvalidLinkInputException e) {
            describe(links.check(token), token, model, request);
            model.addAttribute("error", e.messageKey());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "actions/action";
        } catch (CaseConflictException e) {
            describe(links.check(token), token, model, request);
            model.addAttribute("conflict", e.getMessage());
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return "actions/rejected";
        }
    }

    private void describe(LinkCheck check, String token, Model model, HttpServletRequest request) {
        SupportCase supportCase = cases.find(check.caseNumber()).orElseThrow();
        String language = MailComposer.translatedOrEnglish(supportCase.language());
        Locale locale = Locale.forLanguageTag(language);
        request.setAttribute(CaseLanguageLocaleResolver.ATTRIBUTE, locale);
        ZoneId zone = organizations.find(supportCase.organization()).map(Organization::timeZone).orElse(ZoneId.of("UTC"));
        model.addAttribute("lang", language);
        model.addAttribute("token", token);
        model.addAttribute("action", check.action().name());
        model.addAttribute("caseNumber", supportCase.caseNumber());
        model.addAttribute("caseTitle", supportCase.title());
        model.addAttribute("expiresAt", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone).format(check.expiresAt()));
    }

    private String rejected(LinkCheck check, Model model, HttpServletRequest request, HttpServletResponse response) {
        if (check.caseNumber() != null) {
            describe(check, null, model, request);
        } else {
            Locale requested = request.getLocale();
            String language = MailComposer.translatedOrEnglish(requested == null ? null : requested.getLanguage());
            request.setAttribute(CaseLanguageLocaleResolver.ATTRIBUTE, Locale.forLanguageTag(language));
            model.addAttribute("lang", language);
        }
        model.addAttribute("verdict", check.verdict().name().toLowerCase(Locale.ROOT));
        response.setStatus(switch (check.verdict()) {
            case FORGED -> HttpServletResponse.SC_NOT_FOUND;
            case ALTERED -> HttpServletResponse.SC_BAD_REQUEST;
            default -> HttpServletResponse.SC_GONE;
        });
        return "actions/rejected";
    }
}
