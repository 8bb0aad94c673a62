package io.supporto.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * When a case starts, its team may read that process instance (and no other team's); when the
 * instance ends, the grant goes with it.
 */
@Component("grantTeamAccess")
public class GrantTeamAccess implements ExecutionListener {

    private final AuthorizationService authorizations;

    public GrantTeamAccess(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (EVENTNAME_END.equals(execution.getEventName())) {
            authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
                    .resourceId(execution.getProcessInstanceId()).list()
                    .forEach(a -> authorizations.deleteAuthorization(a.getId()));
            return;
        }
        Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId((String) execution.getVariable("teamGroup"));
        authorization.setResource(Resources.PROCESS_INSTANCE);
        authorization.setResourceId(execution.getProcessInstanceId());
        authorization.addPermission(Permissions.READ);
        authorizations.saveAuthorization(authorization);
    }
}
