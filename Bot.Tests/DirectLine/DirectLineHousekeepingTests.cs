using System.Net;
using CrmBot.DirectLine;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBot.Tests.DirectLine;

public sealed class DirectLineHousekeepingTests
{
    [Fact]
    public async Task ConversationsIdleLongerThanTheRetentionAreDeletedAndOthersKept()
    {
        await using var app = new DirectLineApplication();
        var client = app.CreateDirectLineClient();
        var idle = await client.VisitorSessionAsync();
        await client.SayAsync(idle, "hello");
        app.Clock.Advance(TimeSpan.FromDays(29));
        var active = await client.VisitorSessionAsync();
        await client.SayAsync(active, "hello");
        app.Clock.Advance(TimeSpan.FromDays(2));
        var housekeeping = app.Services.GetRequiredService<DirectLineHousekeeping>();

        await housekeeping.CleanAsync(TestContext.Current.CancellationToken);

        var secret = DirectLineApplication.Secret;
        var gone = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{idle.ConversationId}/activities", secret);
        var kept = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{active.ConversationId}/activities", secret);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
    }
}
