using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CrmBot.Jobs;
using Hangfire;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrmBot.Tests.Jobs;

/// <summary>
/// The dashboard at /hangfire: in Development for this machine (read-only), otherwise only with the configured Basic
/// credentials, and not at all in Production without them.
/// </summary>
[Collection(HangfireHosts.Name)]
public sealed class DashboardTests
{
    private const string User = "ops";
    private const string Password = "correct horse battery staple";

    private static readonly Uri Dashboard = new(JobsExtensions.DashboardPath, UriKind.Relative);

    private static Dictionary<string, string> Credentials => new()
    {
        ["Jobs:Dashboard:User"] = User,
        ["Jobs:Dashboard:PasswordHash"] = DashboardPassword.Hash(Password),
    };

    [Fact]
    public async Task InDevelopmentOpensToARequestFromThisMachine()
    {
        await using var app = new JobsApplication(Environments.Development);

        var response = await GetAsync(app, JobsExtensions.DashboardPath, IPAddress.Loopback);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
    }

    [Fact]
    public async Task InDevelopmentRefusesARequestFromElsewhere()
    {
        await using var app = new JobsApplication(Environments.Development);

        var response = await GetAsync(app, JobsExtensions.DashboardPath, IPAddress.Parse("203.0.113.7"));

        Assert.Equal(StatusCodes.Status401Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task InProductionAsksForCredentials()
    {
        await using var app = new JobsApplication(Environments.Production, Credentials);
        using var client = app.CreateClient();

        var response = await client.GetAsync(Dashboard, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task InProductionOpensToTheConfiguredCredentials()
    {
        await using var app = new JobsApplication(Environments.Production, Credentials);
        using var client = app.CreateClient();

        var response = await SignedInGetAsync(client, Dashboard, User, Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("CrmBot jobs", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(User, "wrong password")]
    [InlineData("someone", Password)]
    [InlineData("", "")]
    public async Task InProductionRefusesOtherCredentials(string user, string password)
    {
        await using var app = new JobsApplication(Environments.Production, Credentials);
        using var client = app.CreateClient();

        var response = await SignedInGetAsync(client, Dashboard, user, password);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task InProductionWithoutCredentialsIsNotServed()
    {
        await using var app = new JobsApplication(Environments.Production);

        var local = await GetAsync(app, JobsExtensions.DashboardPath, IPAddress.Loopback);
        var remote = await GetAsync(app, JobsExtensions.DashboardPath, IPAddress.Parse("203.0.113.7"));

        Assert.Equal(StatusCodes.Status404NotFound, local.StatusCode);
        Assert.Equal(StatusCodes.Status404NotFound, remote.StatusCode);
    }

    [Fact]
    public async Task OnlyASignedInUserMayChangeJobs()
    {
        await using var app = new JobsApplication(Environments.Development, Credentials);
        var id = app.Services.GetRequiredService<IBackgroundJobClient>().Schedule<SignalJob>(job => job.Run("later"), TimeSpan.FromHours(1));
        var page = $"{JobsExtensions.DashboardPath}/jobs/details/{id}";
        using var client = app.CreateClient();

        var local = await GetAsync(app, page, IPAddress.Loopback);
        var signedIn = await SignedInGetAsync(client, new Uri(page, UriKind.Relative), User, Password);

        Assert.Equal(StatusCodes.Status200OK, local.StatusCode);
        Assert.DoesNotContain($"actions/delete/{id}", await BodyAsync(local), StringComparison.Ordinal);
        Assert.Contains($"actions/delete/{id}", await signedIn.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesAChangeWithoutTheAntiforgeryToken()
    {
        await using var app = new JobsApplication(Environments.Production, Credentials);
        var id = app.Services.GetRequiredService<IBackgroundJobClient>().Schedule<SignalJob>(job => job.Run("later"), TimeSpan.FromHours(1));
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{JobsExtensions.DashboardPath}/jobs/actions/delete/{id}");
        request.Headers.Authorization = Basic(User, Password);

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    /// <summary>A request as if from <paramref name="from"/>: the test server otherwise leaves the client's address unknown.</summary>
    private static async Task<HttpResponse> GetAsync(JobsApplication app, string path, IPAddress from)
    {
        var context = await app.Server.SendAsync(
            context =>
            {
                context.Request.Method = HttpMethods.Get;
                context.Request.Path = path;
                context.Connection.RemoteIpAddress = from;
            },
            TestContext.Current.CancellationToken);
        return context.Response;
    }

    private static async Task<HttpResponseMessage> SignedInGetAsync(HttpClient client, Uri page, string user, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, page);
        request.Headers.Authorization = Basic(user, password);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    private static async Task<string> BodyAsync(HttpResponse response)
    {
        using var reader = new StreamReader(response.Body);
        return await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
    }
}
