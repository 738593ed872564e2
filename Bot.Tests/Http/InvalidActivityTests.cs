using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CrmBot.Tests.Http;

/// <summary>The bare CloudAdapter answers these with an empty 400 or a 500; CrmBot says what is wrong.</summary>
public sealed class InvalidActivityTests(BotApplication app) : IClassFixture<BotApplication>
{
    private readonly HttpClient _client = app.CreateClient();

    [Theory]
    [InlineData("{\"type\": \"message\", ")]
    [InlineData("{\"type\": message}")]
    [InlineData("[1, 2]")]
    [InlineData("{\"type\": \"message\"} {\"type\": \"message\"}")]
    public async Task RejectsMalformedJson(string body)
    {
        var response = await _client.PostRawAsync(body);

        var problem = await AssertProblemAsync(response);
        Assert.Equal("The body is not a JSON activity.", (string?)problem["title"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public async Task RejectsAnEmptyBody(string body)
    {
        var response = await _client.PostRawAsync(body);

        var problem = await AssertProblemAsync(response);
        Assert.Contains("post one Bot Framework activity", (string?)problem["detail"]);
    }

    [Theory]
    [InlineData("conversation", "conversation-1")]
    [InlineData("timestamp", "2026-01-05T09:30:00+99:00")]
    public async Task RejectsAFieldOfTheWrongTypeOrOutOfRange(string field, string value)
    {
        var activity = Activities.Message("hello");
        activity[field] = value;

        var response = await _client.PostActivityAsync(activity);

        var problem = await AssertProblemAsync(response);
        Assert.Contains($"'{field}'", (string?)problem["detail"]);
    }

    [Theory]
    [InlineData("type", "type")]
    [InlineData("channelId", "channelId")]
    [InlineData("from", "from.id")]
    [InlineData("conversation", "conversation.id")]
    [InlineData("serviceUrl", "serviceUrl")]
    public async Task RejectsAnActivityWithoutAFieldEveryChannelSends(string field, string error)
    {
        var activity = Activities.Message("hello");
        activity.Remove(field);

        var response = await _client.PostActivityAsync(activity);

        var problem = await AssertProblemAsync(response);
        var errors = problem["errors"]!.AsObject();
        Assert.Equal([error], errors.Select(entry => entry.Key));
        Assert.False(string.IsNullOrWhiteSpace((string?)errors[error]![0]));
    }

    [Fact]
    public async Task RejectsAConversationWithoutId()
    {
        var activity = Activities.Message("hello");
        activity["conversation"] = new JsonObject { ["name"] = "no id" };

        var response = await _client.PostActivityAsync(activity);

        var problem = await AssertProblemAsync(response);
        Assert.NotNull(problem["errors"]?["conversation.id"]);
    }

    [Fact]
    public async Task RejectsIdsTooLongToKeepTheConversationUnder()
    {
        var activity = Activities.Message("hello");
        activity["channelId"] = new string('c', 65);
        activity["conversation"]!["id"] = new string('i', 513);

        var response = await _client.PostActivityAsync(activity);

        var problem = await AssertProblemAsync(response);
        Assert.Equal(["channelId", "conversation.id"], problem["errors"]!.AsObject().Select(entry => entry.Key).Order());
    }

    [Theory]
    [InlineData("channel.example.test/replies")]
    [InlineData("ftp://channel.example.test/")]
    public async Task RejectsAServiceUrlRepliesCannotGoTo(string serviceUrl)
    {
        var activity = Activities.Message("hello");
        activity["serviceUrl"] = serviceUrl;

        var response = await _client.PostActivityAsync(activity);

        var problem = await AssertProblemAsync(response);
        Assert.NotNull(problem["errors"]?["serviceUrl"]);
    }

    [Fact]
    public async Task ListsEveryMissingFieldAtOnce()
    {
        var response = await _client.PostRawAsync("{\"text\": \"hello\"}");

        var problem = await AssertProblemAsync(response);
        Assert.Equal(
            ["channelId", "conversation.id", "from.id", "serviceUrl", "type"],
            problem["errors"]!.AsObject().Select(entry => entry.Key).Order());
    }

    private static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        Assert.NotNull(problem);
        Assert.Equal(400, (int?)problem["status"]);
        return problem;
    }
}
