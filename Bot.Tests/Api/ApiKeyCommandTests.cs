using System.Text.Json;
using System.Text.RegularExpressions;
using CrmBot.Api;
using CrmBot.Hosting;

namespace CrmBot.Tests.Api;

/// <summary><c>api new-key</c>: a key for the client, and for the configuration only its hash.</summary>
public sealed partial class ApiKeyCommandTests : IDisposable
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    [Fact]
    public async Task PrintsAFreshKeyAndConfigurationHoldingOnlyItsHash()
    {
        var exitCode = await InvokeAsync("api", "new-key", "shop", "--scopes", "read");

        Assert.Equal(0, exitCode);
        var text = _output.ToString();
        var key = KeyPattern().Match(text).Value;
        Assert.NotEmpty(key);
        var json = text[text.IndexOf('{', StringComparison.Ordinal)..(text.LastIndexOf('}') + 1)];
        Assert.DoesNotContain(key, json, StringComparison.Ordinal);
        var shop = JsonDocument.Parse(json).RootElement.GetProperty("Api").GetProperty("Keys").GetProperty("shop");
        Assert.Equal(ApiKey.Hash(key), shop.GetProperty("Hash").GetString());
        Assert.Equal(["read"], shop.GetProperty("Scopes").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task TwoKeysAreNeverTheSame()
    {
        await InvokeAsync("api", "new-key", "a");
        await InvokeAsync("api", "new-key", "b");

        var keys = KeyPattern().Matches(_output.ToString()).Select(m => m.Value).ToList();
        Assert.Equal(2, keys.Count);
        Assert.NotEqual(keys[0], keys[1]);
    }

    [Fact]
    public async Task RefusesAnUnknownScope()
    {
        var exitCode = await InvokeAsync("api", "new-key", "shop", "--scopes", "admin");

        Assert.NotEqual(0, exitCode);
        Assert.Empty(_output.ToString());
        Assert.Contains("--scopes", _error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
    }

    private Task<int> InvokeAsync(params string[] args) =>
        new CrmBotCommandLine(_ => Task.FromResult(0), []).InvokeAsync(args, _output, _error);

    [GeneratedRegex(@"crm_[A-Za-z0-9_-]{43}")]
    private static partial Regex KeyPattern();
}
