package io.supporto.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Creates the contract's groups at start-up when they are missing; in every profile. */
@Component
@Order(0)
public class IdentitySetup implements ApplicationRunner {

    private final IdentityService identityService;

    public IdentitySetup(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String id : Groups.ALL) {
            if (identityService.createGroupQuery().groupId(id).singleResult() == null) {
                Group group = identityService.newGroup(id);
                group.setName(displayName(id));
                group.setType(id.equals(Groups.CAMUNDA_ADMIN) ? "SYSTEM" : "WORKFLOW");
                identityService.saveGroup(group);
            }
        }
    }

    private static String displayName(String id) {
        String spaced = id.replace('-', ' ');
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
