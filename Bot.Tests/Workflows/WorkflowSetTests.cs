using CrmBot.Workflows;

namespace CrmBot.Tests.Workflows;

public sealed class WorkflowSetTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crmbot-workflows-").FullName;

    private string FilePath => Path.Combine(_folder, "workflows.json");

    [Fact]
    public void WithoutAFileTheShippedDefaultsApplyAndAreAllValid()
    {
        var set = WorkflowSet.Read(FilePath);

        Assert.False(set.FileExists);
        Assert.Empty(set.Errors);
        Assert.Equal(
            ["unpaid-order-nudge", "order-shipped-notice", "order-delivered-notice", "welcome-new-customer", "likely-buyer-no-contact"],
            set.Active.Select(r => r.Name));
        var nudge = set.Rules[0].Definition;
        Assert.Equal(WorkflowTriggerType.OrderInState, nudge.Trigger!.Type);
        Assert.Equal(CrmBot.Domain.Orders.OrderStatus.Placed, nudge.Trigger.Status);
        Assert.Equal("customer.consent", Assert.Single(nudge.Conditions).Field);
    }

    [Fact]
    public void EveryShippedTemplateHasItsChineseTranslationWithTheSamePlaceholders()
    {
        foreach (var key in WorkflowTemplates.Keys)
        {
            var translations = WorkflowTemplates.Translations(key);

            Assert.Equal(2, translations.Count);
            Assert.Equal(WorkflowPlaceholders.In(translations[0]).Order(), WorkflowPlaceholders.In(translations[1]).Order());
        }
    }

    [Fact]
    public void TheFileReplacesADefaultOfTheSameNameTurnsOneOffAndAddsItsOwn()
    {
        File.WriteAllText(FilePath, """
            {
              "workflows": [
                { "name": "unpaid-order-nudge", "trigger": { "type": "orderInState", "status": "Placed", "days": 2 },
                  "actions": [ { "type": "messageCustomer", "template": "UnpaidOrderNudge" } ] },
                { "name": "welcome-new-customer", "enabled": false },
                { "name": "thank-paid", "trigger": { "type": "orderPaid" }, "actions": [ { "type": "tagCustomer", "tag": "paid" } ] }
              ]
            }
            """);

        var set = WorkflowSet.Read(FilePath);

        Assert.Empty(set.Errors);
        Assert.Equal(2, set.Rules.Single(r => r.Name == "unpaid-order-nudge").Definition.Trigger!.Days);
        var welcome = set.Rules.Single(r => r.Name == "welcome-new-customer");
        Assert.False(welcome.IsActive);
        Assert.Equal(WorkflowTriggerType.CustomerCreated, welcome.Definition.Trigger!.Type);
        Assert.Equal(
            ["unpaid-order-nudge", "order-shipped-notice", "order-delivered-notice", "likely-buyer-no-contact", "thank-paid"],
            set.Active.Select(r => r.Name));
    }

    [Fact]
    public void AFileThatIsNotJsonGivesOneErrorWithItsLineAndPositionAndTheDefaultsStay()
    {
        File.WriteAllText(FilePath, """
            {
              "workflows": [
                { "name": "x", "trigger": { "type": "orderPaid" }, }
                oops
              ]
            }
            """);

        var set = WorkflowSet.Read(FilePath);

        var error = Assert.Single(set.Errors);
        Assert.Equal(4, error.Line);
        Assert.Equal(5, error.Position);
        Assert.StartsWith("workflows.json line 4, position 5: not JSON: ", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(DefaultWorkflows.Rules.Select(r => r.Name), set.Active.Select(r => r.Name));
    }

    [Fact]
    public void AFileThatIsNotJsonLeavesTheRulesReadBeforeInForce()
    {
        File.WriteAllText(FilePath, """{ "workflows": [ { "name": "welcome-new-customer", "enabled": false } ] }""");
        var before = WorkflowSet.Read(FilePath);
        File.WriteAllText(FilePath, """{ "workflows": [ { "name": "welcome-new-customer", "enabled": """);

        var after = WorkflowSet.Read(FilePath, before.FileRules);

        Assert.NotNull(after.FileError);
        Assert.False(after.Rules.Single(r => r.Name == "welcome-new-customer").IsActive);
    }

    [Fact]
    public void ATopLevelMistakeIsAFileErrorNamingTheField()
    {
        File.WriteAllText(FilePath, """
            {
              "rules": []
            }
            """);

        var error = Assert.Single(WorkflowSet.Read(FilePath).Errors);

        Assert.Equal("workflows.json line 1: workflows: is missing", error.ToString());
    }

    [Fact]
    public void ASecondRuleWithTheSameNameIsOffAndSaysWhereTheFirstIs()
    {
        File.WriteAllText(FilePath, """
            {
              "workflows": [
                { "name": "tag-paid", "trigger": { "type": "orderPaid" }, "actions": [ { "type": "tagCustomer", "tag": "paid" } ] },
                { "name": "tag-paid", "trigger": { "type": "orderPaid" }, "actions": [ { "type": "tagCustomer", "tag": "payer" } ] }
              ]
            }
            """);

        var set = WorkflowSet.Read(FilePath);

        var error = Assert.Single(set.Errors);
        Assert.Equal("workflows.json line 4: rule 'tag-paid', name: another rule above, at line 3, has this name", error.ToString());
        Assert.Equal("paid", Assert.Single(set.Active, r => r.Name == "tag-paid").Definition.Actions[0].Tag);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
