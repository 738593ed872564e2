using System.Net;
using CrmBot.Tests.Http;

namespace CrmBot.Tests.Teams;

/// <summary>Installed in Teams, the bot speaks once: a welcome for the rep in a personal chat, an introduction in a team.</summary>
public sealed class TeamsInstallationTests(TeamsBotApplication app) : IClassFixture<TeamsBotApplication>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task InstalledInAPersonalChatItWelcomesTheRepByNameWithTheMenuOnce()
    {
        var installed = await _client.PostActivityAsync(TeamsPosts.Sample("install_personal", "welcome"));
        var announcedAgain = await _client.PostActivityAsync(TeamsPosts.InstallationUpdate("install_personal", "welcome", "add"));

        var welcome = Assert.Single(await installed.RepliesAsync());
        Assert.StartsWith($"Hi {TeamsBotApplication.RepName}! I'm CrmBot", (string?)welcome?["text"]);
        Assert.Equal(["Track an order", "Browse products", "Place an order"], (welcome?["suggestedActions"]?["actions"]).Titles());
        Assert.Empty(await announcedAgain.RepliesAsync());
    }

    [Fact]
    public async Task WhicheverOfTheTwoAnnouncementsComesFirstGreets()
    {
        var installed = await _client.PostActivityAsync(TeamsPosts.InstallationUpdate("install_personal", "installation-first", "add"));
        var added = await _client.PostActivityAsync(TeamsPosts.Sample("install_personal", "installation-first"));

        Assert.StartsWith($"Hi {TeamsBotApplication.RepName}!", Assert.Single(await installed.ReplyTextsAsync()));
        Assert.Empty(await added.RepliesAsync());
    }

    [Fact]
    public async Task TwoAnnouncementsArrivingTogetherGreetOnce()
    {
        var both = await Task.WhenAll(
            _client.PostActivityAsync(TeamsPosts.InstallationUpdate("install_personal", "together", "add")),
            _client.PostActivityAsync(TeamsPosts.Sample("install_personal", "together")));

        var replies = await Task.WhenAll(both.Select(response => response.ReplyTextsAsync()));
        Assert.StartsWith($"Hi {TeamsBotApplication.RepName}!", Assert.Single(replies.SelectMany(texts => texts)));
    }

    [Fact]
    public async Task InstalledBySomeoneWhoIsNotARepItSaysItOnlyWorksWithTheSalesTeam()
    {
        var installed = TeamsPosts.Sample("install_personal", "stranger");
        installed["from"]!["aadObjectId"] = "00000000-0000-0000-0000-0000000000bb";

        var response = await _client.PostActivityAsync(installed);

        var refusal = Assert.Single(await response.RepliesAsync());
        Assert.StartsWith("Sorry, I only work with the sales team here.", (string?)refusal?["text"]);
        Assert.Null(refusal?["suggestedActions"]);
    }

    [Fact]
    public async Task AddedToATeamItIntroducesItselfToTheChannelOnce()
    {
        var added = await _client.PostActivityAsync(TeamsPosts.Sample("install_team", "intro"));
        var addedAgain = await _client.PostActivityAsync(TeamsPosts.Sample("install_team", "intro"));
        var installed = await _client.PostActivityAsync(TeamsPosts.InstallationUpdate("install_team", "intro", "add"));

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var introduction = Assert.Single(await added.RepliesAsync());
        Assert.StartsWith("Hi everyone, I'm Test Bot, the sales team's assistant. Mention @Test Bot", (string?)introduction?["text"]);
        Assert.Null(introduction?["suggestedActions"]);
        Assert.Empty(await addedAgain.RepliesAsync());
        Assert.Empty(await installed.RepliesAsync());
    }

    [Fact]
    public async Task AddedAgainAfterBeingRemovedItIntroducesItselfAgain()
    {
        await _client.PostActivityAsync(TeamsPosts.Sample("install_team", "reinstall"));
        await _client.PostActivityAsync(TeamsPosts.InstallationUpdate("install_team", "reinstall", "remove"));

        var addedAgain = await _client.PostActivityAsync(TeamsPosts.Sample("install_team", "reinstall"));

        Assert.StartsWith("Hi everyone, I'm Test Bot", Assert.Single(await addedAgain.ReplyTextsAsync()));
    }

    [Fact]
    public async Task DoesNotGreetEachPersonWhoJoinsATeamItIsIn()
    {
        var joined = await _client.PostActivityAsync(TeamsPosts.PersonJoins("install_team", "newcomer"));

        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        Assert.Empty(await joined.RepliesAsync());
    }
}
