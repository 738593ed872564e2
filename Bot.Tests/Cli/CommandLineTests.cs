using CrmBot.Benchmarks;
using CrmBot.Hosting;

namespace CrmBot.Tests.Cli;

public sealed class CommandLineTests : IDisposable
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();
    private string[]? _servedWith;

    [Fact]
    public async Task ServesWhenGivenNoCommand()
    {
        var exitCode = await InvokeAsync();

        Assert.Equal(0, exitCode);
        Assert.NotNull(_servedWith);
        Assert.Empty(_servedWith);
    }

    [Fact]
    public async Task HandsTheOptionsItDoesNotKnowToTheWebHost()
    {
        var exitCode = await InvokeAsync("--urls", "http://127.0.0.1:5005", "--environment=Production", "--Logging:LogLevel:Default", "Warning");

        Assert.Equal(0, exitCode);
        Assert.NotNull(_servedWith);
        Assert.Equal(["--urls", "http://127.0.0.1:5005", "--environment=Production", "--Logging:LogLevel:Default", "Warning"], _servedWith);
    }

    [Fact]
    public async Task RefusesAMistypedCommandInsteadOfServing()
    {
        var exitCode = await InvokeAsync("bnech", "domain");

        Assert.NotEqual(0, exitCode);
        Assert.Null(_servedWith);
        Assert.Contains("Unknown command 'bnech'", _error.ToString());
    }

    [Fact]
    public async Task HelpDescribesServingAndTheBenchCommand()
    {
        var exitCode = await InvokeAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.Null(_servedWith);
        var help = _output.ToString();
        Assert.Contains("--urls", help);
        Assert.Contains("bench", help);
    }

    [Fact]
    public async Task BenchHelpListsEveryScenarioAndTheOutputDirectory()
    {
        var exitCode = await InvokeAsync("bench", "--help");

        Assert.Equal(0, exitCode);
        var help = _output.ToString();
        Assert.Contains("domain", help);
        Assert.Contains(new DomainScenario().Description, help);
        Assert.Contains("fake", help);
        Assert.Contains("--out <dir>", help);
    }

    [Fact]
    public async Task ScenarioHelpShowsItsOwnOptions()
    {
        var exitCode = await InvokeAsync("bench", "fake", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("--size", _output.ToString());
        Assert.Contains("--out <dir>", _output.ToString());
    }

    [Fact]
    public async Task BenchWithoutAScenarioIsAnError()
    {
        var exitCode = await InvokeAsync("bench");

        Assert.NotEqual(0, exitCode);
        Assert.Null(_servedWith);
    }

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
    }

    private Task<int> InvokeAsync(params string[] args)
    {
        var commandLine = new CrmBotCommandLine(
            hostArgs =>
            {
                _servedWith = hostArgs;
                return Task.FromResult(0);
            },
            [new DomainScenario(), new FakeScenario()]);
        return commandLine.InvokeAsync(args, _output, _error);
    }
}
