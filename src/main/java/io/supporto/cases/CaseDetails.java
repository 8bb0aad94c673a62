package io.supporto.cases;

import java.util.Optional;

/** A case with its current survey, as the Case API shows it. */
public record CaseDetails(SupportCase supportCase, Optional<Survey> survey) {
}
