package io.supporto.api;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.supporto.cases.NotPermittedException;
import io.supporto.organizations.Organization;
import io.supporto.organizations.OrganizationService;
import io.supporto.organizations.Plan;
import io.supporto.security.SupportUser;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Customer organizations, kept by support managers and Camunda admins. */
@RestController
@RequestMapping("/api/organizations")
public class OrganizationController {

    /** The organization id is also a Camunda tenant id, so it follows Camunda's id whitelist. */
    static final String ID_PATTERN = "[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*";
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    private final OrganizationService organizations;

    public OrganizationController(OrganizationService organizations) {
        this.organizations = organizations;
    }

    public record OrganizationRequest(
            @NotBlank @TextLength(max = 200) @NoControlCharacters String name,
            @NotNull Plan plan,
            @NotNull Boolean elevatedSupport,
            @NotBlank String country,
            @NotBlank String timeZone,
            @NotBlank String language,
            @NotEmpty @Size(max = 20) List<@NotBlank @Email @Size(max = 320) String> adminEmails) {

        @AssertTrue(message = "must be an ISO 3166 two-letter country code such as IT")
        boolean isCountry() {
            return country == null || COUNTRIES.contains(country);
        }

        @AssertTrue(message = "must be an IANA time zone such as Europe/Rome")
        boolean isTimeZone() {
            if (timeZone == null) {
                return true;
            }
            try {
                ZoneId.of(timeZone);
                return timeZone.contains("/") || timeZone.equals("UTC");
            } catch (RuntimeException e) {
                return false;
            }
        }

        @AssertTrue(message = "must be an ISO 639 two-letter language code such as it")
        boolean isLanguage() {
            return language == null || LANGUAGES.contains(language);
        }
    }

    public record OrganizationView(String id, String name, Plan plan, String planFamily, boolean elevatedSupport,
                                   String country, String timeZone, String language, List<String> adminEmails) {
        static OrganizationView of(Organization o) {
            return new OrganizationView(o.id(), o.name(), o.plan(), o.plan().family().name(), o.elevatedSupport(),
                    o.country(), o.timeZone().getId(), o.language(), o.adminEmails());
        }
    }

    @PutMapping("/{id}")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "200", description = "Updated")
    @ProblemResponses(403)
    public ResponseEntity<OrganizationView> save(@PathVariable String id, @Valid @RequestBody OrganizationRequest body,
                                                 @AuthenticationPrincipal SupportUser user) {
        requireDeskManager(user);
        if (id.length() > 64 || !id.matches(ID_PATTERN)) {
            throw new InvalidFieldException("id", "must be letters and digits in groups joined by single hyphens,"
                    + " at most 64 characters");
        }
        Organization org = new Organization(id, body.name(), body.plan(), body.elevatedSupport(), body.country(),
                ZoneId.of(body.timeZone()), body.language(), body.adminEmails());
        boolean created = organizations.save(org);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(OrganizationView.of(org));
    }

    @GetMapping("/{id}")
    @ProblemResponses(403)
    public OrganizationView get(@PathVariable String id, @AuthenticationPrincipal SupportUser user) {
        requireDeskManager(user);
        return organizations.find(id).map(OrganizationView::of)
                .orElseThrow(() -> new NotFoundException("There is no organization '" + id + "'."));
    }

    private static void requireDeskManager(SupportUser user) {
        if (!user.managesDesk()) {
            throw new NotPermittedException("Only support managers and Camunda admins manage organizations.");
        }
    }
}
