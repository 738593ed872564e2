using System.Net;

namespace CrmBot.Tests.DirectLine;

public sealed class VisitorTokenLimitTests
{
    [Fact]
    public async Task TooManyVisitorTokensFromOneAddressAreRefusedPolitely()
    {
        await using var app = new LimitedApplication();
        var client = app.CreateClient();

        var first = await client.PostAsync("/api/webchat/token", null, TestContext.Current.CancellationToken);
        var second = await client.PostAsync("/api/webchat/token", null, TestContext.Current.CancellationToken);
        var third = await client.PostAsync("/api/webchat/token", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("TooManyRequests", await third.ErrorCodeAsync());
        Assert.NotNull(third.Headers.RetryAfter);
    }

    private sealed class LimitedApplication : DirectLineApplication
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
        {
            ["MicrosoftAppId"] = "",
            ["DirectLine:VisitorTokensPerMinute"] = "2",
        };
    }
}
