package io.supporto.cases;

import java.util.Arrays;
import java.util.List;

import io.supporto.security.SupportUser;
import org.springframework.stereotype.Component;

/**
 * Who sees which cases: the organization's admins and delegated partners, the team of the
 * case's category, support managers and process owners. Only the customer side acts on a case.
 */
@Component
public class CaseAccess {

    public boolean canSee(SupportUser user, SupportCase supportCase) {
        return user.actsFor(supportCase.organization())
                || seesAllCases(user)
                || user.isIn(supportCase.category().team());
    }

    public boolean canActOn(SupportUser user, SupportCase supportCase) {
        return user.actsFor(supportCase.organization());
    }

    public boolean canReclassify(SupportUser user, SupportCase supportCase) {
        return user.managesDesk() || user.isIn(supportCase.category().team());
    }

    public boolean seesAllCases(SupportUser user) {
        return user.managesDesk() || user.isProcessOwner();
    }

    /** The categories whose cases a team member sees. */
    public List<Category> teamCategories(SupportUser user) {
        return Arrays.stream(Category.values()).filter(c -> user.isIn(c.team())).toList();
    }
}
