using System.Net;
using CrmBot.Tests.Http;
using CrmBot.Workflows;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace CrmBot.Tests.Workflows;

public sealed class WorkflowsHostingTests : IAsyncDisposable
{
    private const string BrokenRule = """
        {
          "workflows": [
            { "name": "thank-paid", "trigger": { "type": "orderPayed" }, "actions": [ { "type": "tagCustomer", "tag": "paid" } ] }
          ]
        }
        """;

    private const string FixedRule = """
        {
          "workflows": [
            { "name": "thank-paid", "trigger": { "type": "orderPaid" }, "actions": [ { "type": "tagCustomer", "tag": "paid" } ] }
          ]
        }
        """;

    private readonly WorkflowsApplication _app = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheAppStartsWithABrokenRuleAndLogsItsFieldAndLine()
    {
        await File.WriteAllTextAsync(_app.WorkflowsFile, BrokenRule, Ct);

        var response = await _app.CreateClient().GetAsync(new Uri("/workflows.schema.json", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = _app.Logs.GetSnapshot().Where(r => r.Level == LogLevel.Error).Select(r => r.Message).ToList();
        Assert.Contains(errors, m => m.Contains("workflows.json line 3: rule 'thank-paid', trigger.type: \"orderPayed\" is not one of", StringComparison.Ordinal));
        var catalog = _app.Services.GetRequiredService<WorkflowCatalog>();
        Assert.False(catalog.Current.Rules.Single(r => r.Name == "thank-paid").IsActive);
        Assert.Equal(DefaultWorkflows.Rules.Count, catalog.Current.Active.Count());
    }

    [Fact]
    public async Task ServesTheSchemaForEditors()
    {
        var response = await _app.CreateClient().GetAsync(new Uri("/workflows.schema.json", UriKind.Relative), Ct);

        Assert.Equal("application/schema+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("https://json-schema.org/draft/2020-12/schema", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFixedRuleIsPickedUpWhenTheFileChanges()
    {
        await File.WriteAllTextAsync(_app.WorkflowsFile, BrokenRule, Ct);
        var catalog = _app.Services.GetRequiredService<WorkflowCatalog>();
        Assert.DoesNotContain(catalog.Current.Active, r => r.Name == "thank-paid");

        await File.WriteAllTextAsync(_app.WorkflowsFile, FixedRule, Ct);

        var deadline = DateTime.UtcNow.AddSeconds(15);
        // The catalog publishes the new rules before it logs what changed: wait for both.
        while (!(catalog.Current.Active.Any(r => r.Name == "thank-paid") && HasLoggedTheChange()) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, Ct);
        }

        Assert.Contains(catalog.Current.Active, r => r.Name == "thank-paid");
        Assert.Empty(catalog.Current.Errors);
        Assert.True(HasLoggedTheChange(), "The change of rule thank-paid was not logged.");
    }

    private bool HasLoggedTheChange() =>
        _app.Logs.GetSnapshot().Any(r => r.Message == "Sales workflow rule thank-paid changed, now on");

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private sealed class WorkflowsApplication : BotApplication
    {
        public string WorkflowsFile => Path.Combine(DataDirectory, "workflows.json");

        public FakeLogCollector Logs => Services.GetFakeLogCollector();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Workflows:File", WorkflowsFile);
            builder.ConfigureLogging(logging => logging.AddFakeLogging());
        }
    }
}
