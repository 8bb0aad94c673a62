package io.supporto.cases.tasks;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.supporto.cases.CaseRepository;
import io.supporto.cases.ConversationRepository;
import io.supporto.cases.Severity;
import io.supporto.cases.SupportCase;
import io.supporto.cases.SupportCaseModel;
import io.supporto.cases.Survey;
import io.supporto.cases.SurveyRepository;
import io.supporto.organizations.Organization;
import io.supporto.organizations.OrganizationService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * When a user task is created: its name carries the case number and title, its priority follows
 * the severity (so Tasklist's order is the work order), and the task gets a readable case
 * summary and the conversation as local variables for its form.
 */
@Component("prepareTask")
public class PrepareTask implements TaskListener {

    static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final CaseRepository cases;
    private final ConversationRepository conversation;
    private final OrganizationService organizations;
    private final SurveyRepository surveys;

    public PrepareTask(CaseRepository cases, ConversationRepository conversation, OrganizationService organizations,
                       SurveyRepository surveys) {
        this.cases = cases;
        this.conversation = conversation;
        this.organizations = organizations;
        this.surveys = surveys;
    }

    /**
     * The task's summary for its form: copies of the case's own record made when the task is
     * created, so the history level leaves them out ({@code SupportoHistoryLevel}). The forms show the
     * case's other facts as text, which Tasklist does not submit.
     */
    public static final Set<String> SUMMARY = Set.of("organizationName", "title", "description", "contactName",
            "contactEmail", "contactPhone", "dueAt", "surveyComment", "conversation");

    /** What each task is completed with: cleared when the task is created, so no earlier answer counts. */
    static final Map<String, List<String>> ANSWERS = Map.of(
            SupportCaseModel.TASK_FIRST_RESPONSE, List.of("responseMessage"),
            SupportCaseModel.TASK_WORK_CASE, List.of("action", "resolution", "question"),
            SupportCaseModel.TASK_HANDLE_BREACH, List.of("actionTaken"),
            SupportCaseModel.TASK_REVIEW_LOW_SURVEY, List.of("followUp"),
            SupportCaseModel.TASK_AWAIT_CUSTOMER_REPLY, List.of("customerReply"));

    @Override
    public void notify(DelegateTask task) {
        ANSWERS.getOrDefault(task.getTaskDefinitionKey(), List.of()).forEach(task.getExecution()::removeVariable);
        String caseNumber = task.getExecution().getProcessBusinessKey();
        SupportCase c = cases.find(caseNumber).orElseThrow();
        task.setName(task.getName() + ": " + caseNumber + " " + c.title());
        task.setPriority(priority(c.severity()));
        task.setVariableLocal("organizationName", organizations.find(c.organization()).map(Organization::name)
                .orElse(c.organization()));
        // the forms show these in read-only fields, which Tasklist submits with the answer: as the
        // task's own copies, what comes back stays on the task and never overwrites the case
        task.setVariableLocal("title", c.title());
        task.setVariableLocal("description", c.description());
        task.setVariableLocal("contactName", c.contact().name());
        task.setVariableLocal("contactEmail", c.contact().email());
        task.setVariableLocal("contactPhone", c.contact().phone());
        task.setVariableLocal(DUE_AT, dueAt(task.getDueDate()));
        if (SupportCaseModel.TASK_REVIEW_LOW_SURVEY.equals(task.getTaskDefinitionKey())) {
            task.setVariableLocal("surveyComment", surveys.latest(caseNumber).map(Survey::comment).orElse(null));
        }
        task.setVariableLocal("conversation", conversation.of(caseNumber).stream()
                .map(m -> UTC.format(m.at()) + " · " + m.author() + " · " + m.kind() + "\n" + m.body())
                .collect(Collectors.joining("\n\n")));
    }

    /** The form's "due" line; the task's own due date is the engine's. */
    public static final String DUE_AT = "dueAt";

    public static String dueAt(Date due) {
        return due == null ? "no due time" : UTC.format(due.toInstant());
    }

    /** Tasklist's order is the work order: severity A first. */
    public static int priority(Severity severity) {
        if (severity == null) {
            return 50;
        }
        return switch (severity) {
            case A -> 90;
            case B -> 60;
            case C -> 30;
        };
    }
}
