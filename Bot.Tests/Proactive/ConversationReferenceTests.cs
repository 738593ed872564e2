using CrmBot.Domain.Persistence;
using CrmBot.Domain.Proactive;
using CrmBot.Proactive;
using CrmBot.Tests.DirectLine;
using CrmBot.Tests.Http;
using CrmBot.Tests.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBot.Tests.Proactive;

/// <summary>Every one-to-one turn leaves where the bot can reach the user later, linked to who they are.</summary>
public sealed class ConversationReferenceTests(DirectLineApplication web, TeamsBotApplication teams)
    : IClassFixture<DirectLineApplication>, IClassFixture<TeamsBotApplication>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AWebChatVisitorsTurnKeepsTheirConversation()
    {
        var client = web.CreateDirectLineClient();
        var session = await client.VisitorSessionAsync();

        await client.SayAsync(session, "hello");

        var reference = Assert.Single(await ReferencesAsync(web, "directline", session.UserId));
        Assert.Equal(session.ConversationId, reference.ConversationId);
        Assert.Null(reference.CustomerId);
    }

    [Fact]
    public async Task ASignedInCustomerIsReachedProactivelyInTheirWebChat()
    {
        var customer = await web.AddCustomerAsync("Zhao Lei", "zhao.lei@example.com");
        var client = web.CreateDirectLineClient();
        var session = await client.SessionForAsync($"customer:{customer.Id}", DirectLineApplication.Secret);
        await client.SayAsync(session, "hello");
        var (_, watermark) = await client.ActivitiesAsync(session);

        var reference = Assert.Single(await web.Services.GetRequiredService<ConversationReferenceStore>().OfCustomerAsync(customer.Id, Ct));
        await web.Services.GetRequiredService<ProactiveMessenger>().ContinueAsync(
            reference, (turn, ct) => turn.SendActivityAsync("Your order has shipped.", cancellationToken: ct), Ct);

        Assert.Equal("Your order has shipped.", Assert.Single(await client.BotTextsAsync(session, watermark)));
    }

    [Fact]
    public async Task ARepsTeamsChatIsKeptOnceWithItsServiceUrlAndTenant()
    {
        var client = teams.CreateClient();

        await client.PostActivityAsync(TeamsPosts.Message("personal_message", "references", "hi"));
        await client.PostActivityAsync(TeamsPosts.Message("personal_message", "references", "list my reminders"));

        var sample = TeamsPosts.Sample("personal_message", "references");
        var reference = Assert.Single(await ReferencesAsync(teams, "msteams", (string)sample["from"]!["id"]!));
        Assert.NotNull(reference.RepId);
        Assert.Equal((string?)sample["serviceUrl"], reference.ServiceUrl);
        Assert.Equal((string?)sample["conversation"]!["id"], reference.ConversationId);
        Assert.False(string.IsNullOrEmpty(reference.TenantId));
    }

    [Fact]
    public async Task AChannelMessageIsNotWhereARepIsReachedPrivately()
    {
        var client = teams.CreateClient();
        var mention = TeamsPosts.Message("channel_mention", "references-channel", "hi");

        await client.PostActivityAsync(mention);

        var conversation = (string)mention["conversation"]!["id"]!;
        await using var db = await teams.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(Ct);
        Assert.False(await db.ConversationReferences.AnyAsync(r => r.ConversationId == conversation, Ct));
    }

    private static async Task<List<ConversationReferenceRecord>> ReferencesAsync(BotApplication app, string channel, string userId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(Ct);
        return await db.ConversationReferences.AsNoTracking().Where(r => r.ChannelId == channel && r.UserId == userId).ToListAsync(Ct);
    }
}
