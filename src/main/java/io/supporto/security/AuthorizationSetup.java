package io.supporto.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Who may do what in Tasklist, Cockpit and /engine-rest (Camunda authorizations are on). Teams
 * work in Tasklist on their own tasks (Camunda grants a candidate group its tasks) and read
 * their own cases (granted per process instance when a case starts); support managers see and
 * work every case; process owners read everything in Cockpit and change nothing; customers have
 * no webapp access at all. Granted at start-up, idempotently, in every profile.
 */
@Component
@Order(1)
public class AuthorizationSetup implements ApplicationRunner {

    static final List<String> TEAMS = List.of(Groups.SUPPORT_ENGINEERS, Groups.BILLING_SPECIALISTS,
            Groups.PRESALES_ADVISORS);
    static final String CASE_PROCESS = "support-case";
    static final String PHONE_INTAKE = "phone-intake";

    private final AuthorizationService authorizations;

    public AuthorizationSetup(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String team : TEAMS) {
            grant(team, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(team, Resources.PROCESS_DEFINITION, CASE_PROCESS, ProcessDefinitionPermissions.READ);
            grantPhoneIntake(team);
        }

        grant(Groups.SUPPORT_MANAGERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(Groups.SUPPORT_MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Groups.SUPPORT_MANAGERS, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
                ProcessDefinitionPermissions.UPDATE_TASK, ProcessDefinitionPermissions.TASK_WORK,
                ProcessDefinitionPermissions.TASK_ASSIGN, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.RETRY_JOB, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
                ProcessDefinitionPermissions.READ_TASK_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE);
        grant(Groups.SUPPORT_MANAGERS, Resources.PROCESS_INSTANCE, "*", Permissions.READ, Permissions.UPDATE);
        grant(Groups.SUPPORT_MANAGERS, Resources.TASK, "*", Permissions.READ, Permissions.UPDATE);
        grant(Groups.SUPPORT_MANAGERS, Resources.DEPLOYMENT, "*", Permissions.READ);
        grant(Groups.SUPPORT_MANAGERS, Resources.DECISION_DEFINITION, "*", Permissions.READ,
                Permissions.READ_HISTORY);
        grantPhoneIntake(Groups.SUPPORT_MANAGERS);

        // process owners watch and read; nothing here lets them change a case or a model
        grant(Groups.PROCESS_OWNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Groups.PROCESS_OWNERS, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
                ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
                ProcessDefinitionPermissions.READ_TASK_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE);
        grant(Groups.PROCESS_OWNERS, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
        grant(Groups.PROCESS_OWNERS, Resources.TASK, "*", Permissions.READ);
        grant(Groups.PROCESS_OWNERS, Resources.DEPLOYMENT, "*", Permissions.READ);
        grant(Groups.PROCESS_OWNERS, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
        grant(Groups.PROCESS_OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
    }

    private void grantPhoneIntake(String group) {
        grant(group, Resources.PROCESS_DEFINITION, PHONE_INTAKE, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        grant(group, Resources.DEPLOYMENT, "*", Permissions.READ);
    }

    /** Adds the permissions to the group's grant on the resource, creating the grant if needed. */
    void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizations.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT).groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).singleResult();
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }
}
