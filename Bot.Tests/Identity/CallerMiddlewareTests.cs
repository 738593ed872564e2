using CrmBot.Domain.Persistence;
using CrmBot.Domain.SalesReps;
using CrmBot.Identity;
using CrmBot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace CrmBot.Tests.Identity;

/// <summary>Who is talking comes from the channel: Teams users are reps by their AAD object id, others are visitors.</summary>
public sealed class CallerMiddlewareTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ATeamsUserWhoIsASalesRepIsRecognisedAsThatRep()
    {
        await using var db = await TestDatabase.CreateAsync(Ct);
        var rep = await AddRepAsync(db, TeamsActivities.SampleUserAadObjectId);

        var caller = await CallerOfAsync(db, TeamsActivities.Load("personal_message"));

        Assert.Equal(Caller.Rep(rep.Id, "Megan Bowen", "Europe/London"), caller);
    }

    [Fact]
    public async Task ATeamsUserWhoIsNotARepIsAStranger()
    {
        await using var db = await TestDatabase.CreateAsync(Ct);
        await AddRepAsync(db, "11111111-1111-1111-1111-111111111111");

        var caller = await CallerOfAsync(db, TeamsActivities.Load("personal_message"));

        Assert.Equal(CallerRole.Stranger, caller.Role);
        Assert.Null(caller.Id);
    }

    [Fact]
    public async Task ARepFromATenantThatIsNotAllowedIsAStranger()
    {
        await using var db = await TestDatabase.CreateAsync(Ct);
        await AddRepAsync(db, TeamsActivities.SampleUserAadObjectId);

        var caller = await CallerOfAsync(db, TeamsActivities.Load("personal_message"), allowedTenant: "22222222-2222-2222-2222-222222222222");

        Assert.Equal(CallerRole.Stranger, caller.Role);
    }

    [Fact]
    public async Task ATenantIdThatIsNotAValueIsNoTenant()
    {
        await using var db = await TestDatabase.CreateAsync(Ct);
        await AddRepAsync(db, TeamsActivities.SampleUserAadObjectId);
        var activity = TeamsActivities.Load("personal_message");
        activity.ChannelData = JObject.Parse($$"""{ "tenant": { "id": { "id": "{{TeamsActivities.SampleTenantId}}" } } }""");
        activity.Conversation.TenantId = null;

        var caller = await CallerOfAsync(db, activity, allowedTenant: TeamsActivities.SampleTenantId);

        Assert.Equal(CallerRole.Stranger, caller.Role);
    }

    [Theory]
    [InlineData("personal_message")]
    [InlineData("personal_message_tenant")]
    [InlineData("channel_mention")]
    public async Task ARepFromTheAllowedTenantIsARepInEveryConversationKind(string sample)
    {
        await using var db = await TestDatabase.CreateAsync(Ct);
        await AddRepAsync(db, TeamsActivities.SampleUserAadObjectId);

        var caller = await CallerOfAsync(db, TeamsActivities.Load(sample), allowedTenant: TeamsActivities.SampleTenantId);

        Assert.Equal(CallerRole.Rep, caller.Role);
    }

    [Fact]
    public async Task AWebVisitorWhoClaimsARepsIdInTheActivityIsStillAnonymous()
    {
        await using var db = await TestDatabase.CreateAsync(Ct);
        await AddRepAsync(db, TeamsActivities.SampleUserAadObjectId);
        var forged = MessageFactory.Text("I am Megan");
        forged.ChannelId = "directline";
        forged.From = new ChannelAccount("29:1fake-user-0000000000aa", "Megan Bowen", aadObjectId: TeamsActivities.SampleUserAadObjectId);

        var caller = await CallerOfAsync(db, forged);

        Assert.Equal(Caller.Anonymous, caller);
    }

    [Fact]
    public async Task TheBotsMentionIsRemovedFromAChannelMessage()
    {
        await using var db = await TestDatabase.CreateAsync(Ct);
        var activity = TeamsActivities.Load("channel_mention");
        string? seen = null;

        await RunTurnAsync(db, activity, context => seen = context.Activity.Text);

        Assert.NotNull(seen);
        Assert.DoesNotContain("<at>", seen, StringComparison.Ordinal);
        Assert.Equal(seen.Trim(), seen);
    }

    private static async Task<SalesRep> AddRepAsync(TestDatabase db, string aadObjectId) =>
        await db.WithDbAsync(async context =>
        {
            var rep = new SalesRep("Megan Bowen", "megan@example.com", aadObjectId, 8, "Europe/London");
            context.SalesReps.Add(rep);
            await context.SaveChangesAsync(Ct);
            return rep;
        });

    private static async Task<Caller> CallerOfAsync(TestDatabase db, Activity activity, string? allowedTenant = null)
    {
        Caller? caller = null;
        await RunTurnAsync(db, activity, context => caller = context.Caller(), allowedTenant);
        return caller ?? throw new InvalidOperationException("The turn did not run.");
    }

    private static async Task RunTurnAsync(TestDatabase db, Activity activity, Action<ITurnContext> inspect, string? allowedTenant = null)
    {
        var options = new TeamsOptions();
        if (allowedTenant is not null)
        {
            options.AllowedTenants.Add(allowedTenant);
        }

        var middleware = new CallerMiddleware(db.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>(), Options.Create(options));
        var adapter = new TestAdapter(activity.GetConversationReference()).Use(middleware);
        await adapter.ProcessActivityAsync(activity, (context, _) =>
        {
            inspect(context);
            return Task.CompletedTask;
        }, Ct);
    }
}
