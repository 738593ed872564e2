using CrmBot.Workflows;

namespace CrmBot.Tests.Workflows;

public sealed class WorkflowFileTests
{
    private const string GoodRule = """
            {
              "name": "good",
              "trigger": { "type": "orderPaid" },
              "actions": [ { "type": "messageCustomer", "text": { "en": "Thanks {name}, we got {total} for {orderNumber}." } } ]
            }
        """;

    [Fact]
    public void ReadsARuleWithItsTriggerConditionsDelayAndActions()
    {
        var content = WorkflowFile.Parse("""
            {
              "workflows": [
                {
                  "name": "vip-paid",
                  "description": "Big orders paid: thank the customer, tell the rep.",
                  "trigger": { "type": "orderPaid" },
                  "conditions": [ { "field": "order.total", "atLeast": 5000 }, { "field": "customer.tags", "contains": "vip" } ],
                  "delay": { "hours": 2 },
                  "actions": [
                    { "type": "messageCustomer", "text": { "en": "Thank you {name}!", "zh-CN": "谢谢{name}！" } },
                    { "type": "notifyRep", "text": { "en": "{name} paid {total}: call to thank them." }, "buttons": ["callNow"] },
                    { "type": "tagCustomer", "tag": "big-spender" }
                  ]
                }
              ]
            }
            """, "workflows.json");

        Assert.Null(content.FileError);
        var rule = Assert.Single(content.Rules);
        Assert.True(rule.Errors.Count == 0, string.Join("\n", rule.Errors));
        Assert.True(rule.IsActive);
        var definition = rule.Definition;
        Assert.Equal("vip-paid", definition.Name);
        Assert.Equal(WorkflowTriggerType.OrderPaid, definition.Trigger!.Type);
        Assert.Equal(ConditionOperator.AtLeast, definition.Conditions[0].Operator);
        Assert.Equal(5000, definition.Conditions[0].Value.GetDecimal());
        Assert.Equal("vip", definition.Conditions[1].Value.GetString());
        Assert.Equal(TimeSpan.FromHours(2), definition.Delay!.ToTimeSpan());
        Assert.Equal("谢谢{name}！", definition.Actions[0].Text!["zh-CN"]);
        Assert.Equal(["callNow"], definition.Actions[1].Buttons!);
        Assert.Equal("big-spender", definition.Actions[2].Tag);
    }

    [Theory]
    [InlineData("""{ "name": "bad", "trigger": { "type": "orderPlacedd" }, "actions": [ { "type": "tagCustomer", "tag": "x" } ] }""", "trigger.type", "\"orderPlacedd\" is not one of")]
    [InlineData("""{ "name": "bad", "trigger": { "type": "orderPaid" } }""", "actions", "is missing")]
    [InlineData("""{ "name": "bad", "trigger": { "type": "orderPaid" }, "actions": [] }""", "actions", "")]
    [InlineData("""{ "name": "bad", "trigger": { "type": "noContact", "days": "thirty" }, "actions": [ { "type": "tagCustomer", "tag": "x" } ] }""", "trigger.days", "must be integer, not string")]
    [InlineData("""{ "name": "bad", "trigger": { "type": "orderInState", "status": "Placed" }, "actions": [ { "type": "tagCustomer", "tag": "x" } ] }""", "trigger.days", "is missing")]
    [InlineData("""{ "name": "bad", "trigger": { "type": "likelihoodAbove", "threshold": 70 }, "actions": [ { "type": "tagCustomer", "tag": "x" } ] }""", "trigger.threshold", "")]
    [InlineData("""{ "name": "bad", "trigger": { "type": "orderPaid", "dayz": 2 }, "actions": [ { "type": "tagCustomer", "tag": "x" } ] }""", "trigger.dayz", "is not a known property here")]
    [InlineData("""{ "name": "bad", "trigger": { "type": "orderPaid" }, "actions": [ { "type": "messageCustomer" } ] }""", "actions[0]", "needs exactly one of template or text")]
    [InlineData("""{ "name": "bad", "trigger": { "type": "orderPaid" }, "actions": [ { "type": "messageCustomer", "template": "Shipped" } ] }""", "actions[0].template", "'Shipped' is not a template; use CallLikelyBuyer,")]
    [InlineData("""{ "name": "bad", "trigger": { "type": "orderPaid" }, "actions": [ { "type": "messageCustomer", "text": { "en": "Hi {nmae}" } } ] }""", "actions[0].text.en", "{nmae} is not a placeholder; use {name},")]
    [InlineData("""{ "name": "bad", "trigger": { "type": "customerCreated" }, "actions": [ { "type": "messageCustomer", "template": "OrderShipped" } ] }""", "actions[0].template", "template 'OrderShipped': {orderNumber} has no value for trigger customerCreated")]
    [InlineData("""{ "name": "bad", "trigger": { "type": "schedule", "cron": "0 25 * * *" }, "actions": [ { "type": "tagCustomer", "tag": "x" } ] }""", "trigger.cron", "'0 25 * * *' is not a cron expression")]
    [InlineData("""{ "name": "bad", "trigger": { "type": "schedule", "cron": "0 9 * * MON", "timeZone": "Mars/Olympus" }, "actions": [ { "type": "tagCustomer", "tag": "x" } ] }""", "trigger.timeZone", "'Mars/Olympus' is not a time zone")]
    [InlineData("""{ "name": "bad", "trigger": { "type": "orderPaid" }, "conditions": [ { "field": "order.total", "atLeast": "lots" } ], "actions": [ { "type": "tagCustomer", "tag": "x" } ] }""", "conditions[0].atLeast", "must be number, not string")]
    [InlineData("""{ "name": "bad", "trigger": { "type": "orderPaid" }, "conditions": [ { "field": "customer.consent", "equals": "yes" } ], "actions": [ { "type": "tagCustomer", "tag": "x" } ] }""", "conditions[0]", "customer.consent equals needs true or false, not \"yes\"")]
    [InlineData("""{ "name": "bad", "trigger": { "type": "noContact", "days": 30 }, "conditions": [ { "field": "order.total", "atLeast": 10 } ], "actions": [ { "type": "tagCustomer", "tag": "x" } ] }""", "conditions[0]", "order.total has no value for trigger noContact")]
    public void AWrongRuleIsDisabledWithItsFieldAndLineAndTheOthersStay(string badRule, string field, string message)
    {
        var content = WorkflowFile.Parse($$"""
            {
              "workflows": [
            {{GoodRule}},
                {{badRule}}
              ]
            }
            """, "workflows.json");

        Assert.Null(content.FileError);
        Assert.Equal(["good", "bad"], content.Rules.Select(r => r.Name));
        Assert.True(content.Rules[0].IsActive);
        var bad = content.Rules[1];
        Assert.False(bad.IsActive);
        Assert.True(bad.Errors.Count == 1 && bad.Errors[0].Message.Contains(message, StringComparison.Ordinal), string.Join("\n", bad.Errors));
        var error = bad.Errors[0];
        Assert.Equal("bad", error.Rule);
        Assert.Equal(field, error.Field);
        Assert.Equal(8, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"workflows.json line 8: rule 'bad', {field}: ", error.ToString(), StringComparison.Ordinal);
    }
}
