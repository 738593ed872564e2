using CrmBot.Hosting;
using CrmBot.Jobs;

namespace CrmBot.Tests.Jobs;

/// <summary><c>jobs hash-password</c>: what an operator puts in Jobs:Dashboard:PasswordHash.</summary>
public sealed class HashPasswordCommandTests : IDisposable
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    [Fact]
    public async Task PrintsAHashThatMatchesOnlyThePasswordItRead()
    {
        var exitCode = await InvokeAsync("s3cret pass\n");

        Assert.Equal(0, exitCode);
        var hash = _output.ToString().Trim();
        Assert.DoesNotContain("s3cret", hash, StringComparison.Ordinal);
        Assert.True(DashboardPassword.Matches(hash, "s3cret pass"));
        Assert.False(DashboardPassword.Matches(hash, "s3cret"));
    }

    [Fact]
    public async Task RefusesAnEmptyPassword()
    {
        var exitCode = await InvokeAsync("\n");

        Assert.NotEqual(0, exitCode);
        Assert.Empty(_output.ToString());
        Assert.Contains("No password", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AHashThatIsNotOneLetsNobodyIn()
    {
        Assert.False(DashboardPassword.Matches("not base64!", "anything"));
        Assert.False(DashboardPassword.Matches("", ""));
    }

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
    }

    private async Task<int> InvokeAsync(string input)
    {
        using var reader = new StringReader(input);
        var commandLine = new CrmBotCommandLine(_ => Task.FromResult(0), [], input: reader);
        return await commandLine.InvokeAsync(["jobs", "hash-password"], _output, _error);
    }
}
