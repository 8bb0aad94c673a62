package io.supporto.observability;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers the case-number logging filter ahead of security, so every line of the request carries it. */
@Configuration
public class ObservabilityConfig {

    @Bean
    FilterRegistrationBean<CaseNumberMdcFilter> caseNumberMdcFilter() {
        FilterRegistrationBean<CaseNumberMdcFilter> registration = new FilterRegistrationBean<>(new CaseNumberMdcFilter());
        registration.addUrlPatterns("/api/cases/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
