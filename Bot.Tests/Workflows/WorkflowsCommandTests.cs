using CrmBot.Hosting;
using Microsoft.Extensions.Configuration;

namespace CrmBot.Tests.Workflows;

public sealed class WorkflowsCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crmbot-workflows-cli-").FullName;
    private readonly StringWriter _output = new();

    private string FilePath => Path.Combine(_folder, "workflows.json");

    [Fact]
    public async Task ListsTheDefaultRulesWhenThereIsNoFile()
    {
        var exitCode = await InvokeAsync("workflows", "--file", FilePath);

        Assert.Equal(0, exitCode);
        var output = _output.ToString();
        Assert.Contains($"{FilePath} does not exist: the shipped default rules apply.", output, StringComparison.Ordinal);
        Assert.Contains("on    unpaid-order-nudge       order Placed for 1 day(s) -> messageCustomer(UnpaidOrderNudge) (default)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("error", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PrintsEachRuleAndTheErrorsWithRuleFieldAndLineAndFails()
    {
        await File.WriteAllTextAsync(FilePath, """
            {
              "workflows": [
                { "name": "welcome-new-customer", "enabled": false },
                {
                  "name": "vip-paid",
                  "trigger": { "type": "orderPaid" },
                  "actions": [ { "type": "notifyRep", "text": { "en": "{name} paid {totl}" }, "buttons": ["callNow"] } ]
                }
              ]
            }
            """, TestContext.Current.CancellationToken);

        var exitCode = await InvokeAsync("workflows", "--file", FilePath);

        Assert.Equal(1, exitCode);
        var output = _output.ToString();
        Assert.Contains("off   welcome-new-customer     customerCreated -> messageCustomer(WelcomeCustomer)", output, StringComparison.Ordinal);
        Assert.Contains("ERROR vip-paid", output, StringComparison.Ordinal);
        Assert.Contains("1 error:\n  workflows.json line 7: rule 'vip-paid', actions[0].text.en: {totl} is not a placeholder; use {name},", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadsTheFileNamedInTheConfigurationByDefault()
    {
        await File.WriteAllTextAsync(FilePath, "{ \"workflows\": [ }", TestContext.Current.CancellationToken);

        var exitCode = await InvokeAsync(new Dictionary<string, string?> { ["Workflows:File"] = FilePath }, "workflows");

        Assert.Equal(1, exitCode);
        Assert.Contains("workflows.json line 1, position 18: not JSON:", _output.ToString(), StringComparison.Ordinal);
    }

    private Task<int> InvokeAsync(params string[] args) => InvokeAsync(new Dictionary<string, string?>(), args);

    private Task<int> InvokeAsync(Dictionary<string, string?> settings, params string[] args)
    {
        var commandLine = new CrmBotCommandLine(
            _ => Task.FromResult(0), [], configuration: () => new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return commandLine.InvokeAsync(args, _output);
    }

    public void Dispose()
    {
        _output.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
