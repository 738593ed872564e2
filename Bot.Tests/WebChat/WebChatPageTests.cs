using System.Net;
using System.Text.RegularExpressions;
using CrmBot.Tests.Http;

namespace CrmBot.Tests.WebChat;

/// <summary>The customer's chat page at / and every file it loads, served by the real app.</summary>
public sealed partial class WebChatPageTests(BotApplication app) : IClassFixture<BotApplication>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task ServesTheChatPageAtTheRoot()
    {
        var response = await _client.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Matches("<html lang=\"[a-z]{2}", html);
        Assert.Contains("<div id=\"webchat\"", html);
        Assert.Contains("lib/webchat.js", ReferencedFiles(html));
        Assert.Contains("js/chat.js", ReferencedFiles(html));
    }

    [Fact]
    public async Task ServesTheWebChatBundleTheBuildInstalled()
    {
        var response = await _client.GetAsync("/lib/webchat.js", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(response.Content.Headers.ContentType?.MediaType, JavaScriptMediaTypes);
        var script = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(script.Length > 1_000_000, $"webchat.js has {script.Length} characters; the full Web Chat bundle has millions.");
        Assert.Contains("renderWebChat", script);
        Assert.Contains("createDirectLine", script);
    }

    [Fact]
    public async Task ServesEveryScriptStylesheetAndIconThePageLoads()
    {
        var html = await _client.GetStringAsync("/", TestContext.Current.CancellationToken);
        var files = ReferencedFiles(html);

        Assert.Contains(files, file => file.EndsWith(".css", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var response = await _client.GetAsync(new Uri(file, UriKind.Relative), TestContext.Current.CancellationToken);

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{file}: {(int)response.StatusCode}");
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            switch (Path.GetExtension(file))
            {
                case ".js":
                    Assert.Contains(mediaType, JavaScriptMediaTypes);
                    break;
                case ".css":
                    Assert.Equal("text/css", mediaType);
                    break;
                case ".svg":
                    Assert.Equal("image/svg+xml", mediaType);
                    break;
                default:
                    Assert.Fail($"{file}: no expected content type for this kind of file.");
                    break;
            }

            Assert.True(response.Content.Headers.ContentLength > 0, $"{file} is empty.");
        }
    }

    /// <summary>The machine may have no internet at all: a font or script from another site would be missing.</summary>
    [Fact]
    public async Task LoadsNothingFromOtherSites()
    {
        var html = await _client.GetStringAsync("/", TestContext.Current.CancellationToken);

        Assert.NotEmpty(ReferencedFiles(html));
        Assert.All(ReferencedFiles(html), file => Assert.False(file.Contains("://", StringComparison.Ordinal) || file.StartsWith("//", StringComparison.Ordinal), file));
    }

    private static readonly string?[] JavaScriptMediaTypes = ["text/javascript", "application/javascript"];

    /// <summary>What the page loads: script sources and linked stylesheets and icons.</summary>
    private static List<string> ReferencedFiles(string html) =>
        [.. LoadedFile().Matches(html).Select(match => match.Groups["file"].Value)];

    [GeneratedRegex(@"<(?:script\b[^>]*\bsrc|link\b[^>]*\bhref)=""(?<file>[^""]+)""")]
    private static partial Regex LoadedFile();
}
