package io.supporto.security;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Saved Tasklist filters for each team, created at start-up when missing: "My team, by due
 * time" (the work order), "Breached" and "Waiting on the customer"; and one for the managers.
 */
@Component
@Order(2)
public class TasklistFilters implements ApplicationRunner {

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationSetup authorizationSetup;

    public TasklistFilters(FilterService filters, TaskService tasks, AuthorizationSetup authorizationSetup) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizationSetup = authorizationSetup;
    }

    @Override
    public void run(ApplicationArguments args) {
        int order = 0;
        for (String team : AuthorizationSetup.TEAMS) {
            String teamName = Character.toUpperCase(team.charAt(0)) + team.substring(1).replace('-', ' ');
            create(team, teamName + ": my team, by due time", ++order, "#2b6cb0",
                    "Open work of the team, most urgent first",
                    teamTasks(team).orderByDueDate().asc().orderByTaskPriority().desc());
            create(team, teamName + ": breached", ++order, "#c53030",
                    "Cases whose response target was missed",
                    teamTasks(team).processVariableValueEquals("slaBreached", true).orderByDueDate().asc());
            create(team, teamName + ": waiting on the customer", ++order, "#718096",
                    "Cases waiting for the customer's reply",
                    teamTasks(team).taskDefinitionKey("awaitCustomerReply").orderByTaskCreateTime().asc());
        }
        create(Groups.SUPPORT_MANAGERS, "Support managers: breaches and low surveys", ++order, "#c53030",
                "Breaches to handle and low survey scores to review",
                teamTasks(Groups.SUPPORT_MANAGERS).orderByTaskCreateTime().asc());
        create(Groups.SUPPORT_MANAGERS, "Support managers: all breached cases", ++order, "#dd6b20",
                "Every open task of a case in breach",
                tasks.createTaskQuery().processVariableValueEquals("slaBreached", true).orderByDueDate().asc());
    }

    private TaskQuery teamTasks(String group) {
        return tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks();
    }

    private void create(String group, String name, int priority, String color, String description, TaskQuery query) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("description", description);
            properties.put("priority", priority);
            properties.put("color", color);
            properties.put("refresh", true);
            filter = filters.newTaskFilter(name).setQuery(query).setProperties(properties);
            filters.saveFilter(filter);
        }
        authorizationSetup.grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
    }
}
