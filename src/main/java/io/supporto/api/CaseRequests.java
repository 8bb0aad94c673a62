package io.supporto.api;

import io.supporto.cases.BusinessImpact;
import io.supporto.cases.Category;
import io.supporto.cases.ImpactScope;
import io.supporto.cases.OpenCase;
import io.supporto.cases.OutOfScopeReason;
import io.supporto.cases.SelfServiceOutcome;
import io.supporto.cases.Severity;
import io.supporto.cases.SupportCase;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The JSON bodies the Case API accepts, with the contract's limits. */
public final class CaseRequests {

    static final int TEXT_LIMIT = 4000;

    private CaseRequests() {
    }

    public record OpenCaseRequest(
            @NotBlank @Size(max = 64) String organization,
            @NotNull Category category,
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Z0-9_]+", message = "must be a product code such as EXCHANGE_ONLINE") String service,
            @NotBlank @TextLength(min = 1, max = 200) @NoControlCharacters String title,
            @NotBlank @TextLength(max = 20_000) @NoControlCharacters String description,
            @NotNull @Valid Impact impact,
            Severity requestedSeverity,
            Boolean selfServiceTried,
            @NotNull @Valid Contact contact,
            OutOfScopeReason outOfScopeReason) {

        public OpenCase toOpenCase() {
            return new OpenCase(organization, category, service, title, description,
                    new SupportCase.Impact(impact.serviceUsable(), impact.scope(), impact.businessImpact(),
                            impact.workaroundAvailable()),
                    requestedSeverity, Boolean.TRUE.equals(selfServiceTried),
                    new SupportCase.Contact(contact.name(), contact.email(), contact.phone()), outOfScopeReason);
        }
    }

    public record Impact(@NotNull Boolean serviceUsable, @NotNull ImpactScope scope,
                         @NotNull BusinessImpact businessImpact, @NotNull Boolean workaroundAvailable) {
    }

    public record Contact(@NotBlank @TextLength(max = TEXT_LIMIT) @NoControlCharacters String name,
                          @NotBlank @Email @Size(max = 320) String email,
                          @Size(max = 64) @Pattern(regexp = "[+0-9 ()./-]*", message = "must be a phone number") String phone) {
    }

    public record SelfServiceRequest(@NotNull SelfServiceOutcome outcome) {
    }

    public record ReplyRequest(@NotBlank @TextLength(max = TEXT_LIMIT) @NoControlCharacters String message) {
    }

    public record ReopenRequest(@NotBlank @TextLength(max = TEXT_LIMIT) @NoControlCharacters String reason) {
    }

    public record ReclassifyRequest(@NotNull Severity severity,
                                    @TextLength(max = TEXT_LIMIT) @NoControlCharacters String reason) {
    }

    public record SurveyRequest(@NotNull @Min(1) @Max(5) Integer rating,
                                @TextLength(max = TEXT_LIMIT) @NoControlCharacters String comment) {
    }
}
