using Cronos;

namespace CrmBot.Workflows;

/// <summary>What the schema cannot see in a well-formed rule: templates, placeholders, cron, time zones, fields.</summary>
internal static class WorkflowRuleChecks
{
    /// <summary>Each problem with the JSON pointer, under <paramref name="at"/> (the rule's), of what is wrong.</summary>
    public static IEnumerable<SchemaViolation> Check(WorkflowDefinition rule, string at)
    {
        var trigger = rule.Trigger?.Type;
        if (rule.Trigger is { Cron: { } cron })
        {
            string? problem = null;
            try
            {
                CronExpression.Parse(cron);
            }
            catch (CronFormatException e)
            {
                problem = $"'{cron}' is not a cron expression (minute hour day-of-month month day-of-week, e.g. 0 9 * * MON): {e.Message}";
            }

            if (problem is not null)
            {
                yield return new($"{at}/trigger/cron", problem);
            }
        }

        if (rule.Trigger is { TimeZone: { } zone } && zone is not (WorkflowTrigger.RecipientTimeZone or WorkflowTrigger.TeamTimeZone)
            && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            yield return new($"{at}/trigger/timeZone", $"'{zone}' is not a time zone; use {WorkflowTrigger.RecipientTimeZone}, {WorkflowTrigger.TeamTimeZone} or an IANA id such as Asia/Shanghai");
        }

        for (var i = 0; i < rule.Conditions.Count; i++)
        {
            if (ConditionFields.Problem(rule.Conditions[i], trigger) is { } problem)
            {
                yield return new($"{at}/conditions/{i}", problem);
            }
        }

        for (var i = 0; i < rule.Actions.Count; i++)
        {
            var action = rule.Actions[i];
            if (action.Template is { } key)
            {
                var translations = WorkflowTemplates.Translations(key);
                if (translations.Count == 0)
                {
                    yield return new($"{at}/actions/{i}/template", $"'{key}' is not a template; use {string.Join(", ", WorkflowTemplates.Keys)}, or text");
                }

                if (PlaceholderProblems(translations) is { } problem)
                {
                    yield return new($"{at}/actions/{i}/template", $"template '{key}': {problem}");
                }
            }

            foreach (var (culture, text) in action.Text ?? new Dictionary<string, string>())
            {
                if (PlaceholderProblems([text]) is { } problem)
                {
                    yield return new($"{at}/actions/{i}/text/{JsonLineMap.Escape(culture)}", problem);
                }
            }
        }

        string? PlaceholderProblems(IEnumerable<string> texts) =>
            texts.SelectMany(WorkflowPlaceholders.In).Distinct().Select(name => WorkflowPlaceholders.Problem(name, trigger)).OfType<string>().ToList()
                is { Count: > 0 } problems ? string.Join("; ", problems) : null;
    }
}
