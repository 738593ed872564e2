using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBot.Tests.Http;

/// <summary>A channel that takes the bot's replies at its serviceUrl (the Bot Connector's REST API), as Teams does.</summary>
public sealed class ChannelRepliesTests : IDisposable
{
    private readonly ChannelApplication _app = new();

    [Fact]
    public async Task EveryTurnsRepliesReachTheChannelThroughTheConnector()
    {
        var client = _app.CreateClient();
        List<string> sent = [];
        foreach (var text in new[] { "hi", "help", "hi" })
        {
            var activity = Activities.Message(text);
            activity.Remove("deliveryMode");
            sent.Add((string)activity["id"]!);

            var response = await client.PostActivityAsync(activity);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var replies = _app.Channel.Replies;
        Assert.Equal(sent, replies.Select(reply => reply.ReplyToId).Distinct());
        Assert.All(replies, reply => Assert.Equal($"/v3/conversations/conversation-1/activities/{reply.ReplyToId}", reply.Path));
        Assert.All(replies, reply => Assert.False(string.IsNullOrWhiteSpace(reply.Text)));
    }

    public void Dispose() => _app.Dispose();

    private sealed class ChannelApplication : BotApplication
    {
        public FakeChannel Channel { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
                services.ConfigureHttpClientDefaults(client => client.ConfigurePrimaryHttpMessageHandler(() => Channel)));
        }
    }

    internal sealed record Reply(string Path, string? ReplyToId, string? Text);

    /// <summary>Answers the Bot Connector's send and reply calls the way a channel does, and keeps what it was sent.</summary>
    internal sealed class FakeChannel : HttpMessageHandler
    {
        private readonly List<Reply> _replies = [];

        public IReadOnlyList<Reply> Replies
        {
            get
            {
                lock (_replies)
                {
                    return [.. _replies];
                }
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var activity = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!;
            lock (_replies)
            {
                _replies.Add(new Reply(request.RequestUri!.AbsolutePath, (string?)activity["replyToId"], (string?)activity["text"]));
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent($$"""{"id":"{{Guid.NewGuid()}}"}""", System.Text.Encoding.UTF8, "application/json") };
        }
    }
}
