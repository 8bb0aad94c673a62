package io.supporto.links;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * Pages about a case speak the organization's language, whatever the browser asks for; other
 * pages follow the browser's Accept-Language.
 */
public class CaseLanguageLocaleResolver implements LocaleResolver {

    static final String ATTRIBUTE = CaseLanguageLocaleResolver.class.getName() + ".locale";

    private final AcceptHeaderLocaleResolver fallback = new AcceptHeaderLocaleResolver();

    public CaseLanguageLocaleResolver() {
        fallback.setDefaultLocale(Locale.ENGLISH);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Object chosen = request.getAttribute(ATTRIBUTE);
        return chosen instanceof Locale locale ? locale : fallback.resolveLocale(request);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        request.setAttribute(ATTRIBUTE, locale);
    }
}
