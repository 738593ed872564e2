using CrmBot.Benchmarks;
using CrmBot.Hosting;

// No command serves the bot; `bench <scenario>` measures. Tokens the command line does not know
// (--urls, --environment, ...) go on to ASP.NET Core's configuration.
var commandLine = new CrmBotCommandLine(
    ServeAsync,
    [
        new DomainScenario(), new ConversationScenario(), new TurnsScenario(), new DirectLineScenario(), new RemindersScenario(), new ImportScenario(),
        new InsightsScenario(), new ApiScenario(), new ScaleOutScenario(), new WorkflowsScenario(),
    ]);
return await commandLine.InvokeAsync(args);

static async Task<int> ServeAsync(string[] args)
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddCrmBot();

    var app = builder.Build();
    app.MapCrmBot();
    await app.InitializeDatabaseAsync();

    await app.RunAsync();
    return 0;
}

/// <summary>The entry point, public so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
