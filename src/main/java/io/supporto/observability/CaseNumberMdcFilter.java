package io.supporto.observability;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the case number of a Case API request ({@code /api/cases/SR-2026-000042/...}) into the
 * logging context under {@link #MDC_KEY} for the whole request, and removes it afterwards. The
 * engine puts the same key (the business key) while it works a case, so every log line about a
 * case carries its number. Only well-formed case numbers are taken, so nothing a caller types
 * reaches the logs this way. Links from emails ({@code /actions/{token}}) carry no case number in
 * the path and are left alone.
 */
public class CaseNumberMdcFilter extends OncePerRequestFilter {

    public static final String MDC_KEY = "caseNumber";
    static final Pattern CASE_PATH = Pattern.compile("^/api/cases/(SR-\\d{4}-\\d{6,})(/.*)?$");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String caseNumber = caseNumber(request.getRequestURI().substring(request.getContextPath().length()));
        if (caseNumber == null) {
            chain.doFilter(request, response);
            return;
        }
        String previous = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, caseNumber);
        try {
            chain.doFilter(request, response);
        } finally {
            if (previous == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previous);
            }
        }
    }

    static String caseNumber(String path) {
        Matcher matcher = CASE_PATH.matcher(path);
        return matcher.matches() ? matcher.group(1) : null;
    }
}
