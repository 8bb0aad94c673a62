package io.supporto.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The case number of a Case API request is in the logging context during the request only. */
class CaseNumberMdcFilterTest {

    final CaseNumberMdcFilter filter = new CaseNumberMdcFilter();

    @AfterEach
    void clear() {
        MDC.clear();
    }

    String seenDuring(String uri) throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        filter.doFilter(new MockHttpServletRequest("GET", uri), new MockHttpServletResponse(),
                (request, response) -> seen.set(MDC.get(CaseNumberMdcFilter.MDC_KEY)));
        return seen.get();
    }

    @Test
    void theCaseNumberOfTheRequestIsInTheContextAndRemovedAfterwards() throws Exception {
        assertThat(seenDuring("/api/cases/SR-2026-000042")).isEqualTo("SR-2026-000042");
        assertThat(seenDuring("/api/cases/SR-2026-000042/reopen")).isEqualTo("SR-2026-000042");
        assertThat(MDC.get(CaseNumberMdcFilter.MDC_KEY)).isNull();
    }

    @Test
    void otherPathsAndMalformedNumbersLeaveTheContextAlone() throws Exception {
        assertThat(seenDuring("/api/cases")).isNull();
        assertThat(seenDuring("/api/cases/not-a-case")).isNull();
        assertThat(seenDuring("/api/cases/SR-2026-42%0Aforged")).isNull();
        assertThat(seenDuring("/actions/some-signed-token")).isNull();
    }

    @Test
    void anOuterValueIsRestored() throws Exception {
        MDC.put(CaseNumberMdcFilter.MDC_KEY, "outer");
        assertThat(seenDuring("/api/cases/SR-2026-000001/messages")).isEqualTo("SR-2026-000001");
        assertThat(MDC.get(CaseNumberMdcFilter.MDC_KEY)).isEqualTo("outer");
    }
}
