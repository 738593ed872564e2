using CrmBot.Domain.Common;
using CrmBot.Privacy;
using CrmBot.Tests.Api;
using CrmBot.Tests.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace CrmBot.Tests.Privacy;

/// <summary>Emails and phone numbers never reach the logs: not in a failed turn's exception, not in a classified parameter.</summary>
public sealed class LogMaskingTests
{
    private const string Email = "alice@example.com";
    private const string Phone = "+8613800138000";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ADomainErrorQuotingAnEmailAndPhoneIsLoggedMaskedWhenATurnFails()
    {
        await using var app = new LoggingBotApplication();

        await app.CreateClient().PostActivityAsync(Activities.Message("hello"));

        var record = Assert.Single(app.Logs.GetSnapshot(), r => r.Category == "CrmBot.Channels.TurnErrorHandler");
        var exception = record.Exception!.ToString();
        Assert.StartsWith("CrmBot.Domain.Common.DomainException: 'a***@example.com' is not a valid email address; call ***8000 instead.", exception, StringComparison.Ordinal);
        Assert.Contains(nameof(FailingBot), exception, StringComparison.Ordinal);
        AssertNoPersonalData(app.Logs);
    }

    [Fact]
    public async Task AnUnexpectedErrorInARequestIsLoggedMaskedAndAnsweredWithAProblem()
    {
        await using var app = new FailingClockApplication();
        using var client = app.Client(ApiApplication.Reader);
        app.Failing.Failure = $"Could not reach {Email} at {Phone}";

        using var response = await client.GetAsync("analytics/revenue", Ct);

        app.Failing.Failure = null;
        var problem = await response.ProblemAsync(System.Net.HttpStatusCode.InternalServerError);
        Assert.DoesNotContain("reach", problem.GetRawText(), StringComparison.Ordinal);
        var record = Assert.Single(app.Logs.GetSnapshot(), r => r.Category == "CrmBot.Privacy.UnexpectedErrorHandler");
        Assert.Equal("GET /api/v1/analytics/revenue failed", record.Message);
        Assert.StartsWith("System.InvalidOperationException: Could not reach a***@example.com at ***8000", record.Exception!.ToString(), StringComparison.Ordinal);
        AssertNoPersonalData(app.Logs);
    }

    [Fact]
    public void AnInnerExceptionIsMaskedToo()
    {
        var failed = new InvalidOperationException("Could not save", new DomainException("customer.phone", $"{Phone} is taken by {Email}"));

        var redacted = failed.Redacted().ToString();

        Assert.Contains("System.InvalidOperationException: Could not save ---> CrmBot.Domain.Common.DomainException: ***8000 is taken by a***@example.com", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void APersonalDataParameterIsRedactedInTheMessageAndTheState()
    {
        using var services = new ServiceCollection()
            .AddLogging(logging => logging.EnableRedaction().AddFakeLogging())
            .AddPersonalDataRedaction()
            .BuildServiceProvider();
        var customer = Guid.CreateVersion7();
        var rep = Actor.Rep(Guid.CreateVersion7(), "Li Na");
        var logger = services.GetRequiredService<ILogger<LogMaskingTests>>();

        PrivacyLog.Erased(logger, rep, customer, alreadyErased: false);

        var record = services.GetFakeLogCollector().LatestRecord;
        Assert.Equal($"*** erased customer {customer} (erased before: False)", record.Message);
        Assert.DoesNotContain("Li Na", string.Join('|', record.StructuredState!.Select(pair => pair.Value)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("write to Alice.Zhang+shop@Example.COM now", "write to A***@Example.COM now")]
    [InlineData("call +86 138 0013 8000", "call ***8000")]
    [InlineData("call 138-0013-8000 or 13800138000", "call ***8000 or ***8000")]
    [InlineData("landline 010 62345678", "landline 010 ***5678")]
    public void EmailsAndPhoneNumbersAreMasked(string text, string masked) =>
        Assert.Equal(masked, PersonalDataMask.Mask(text));

    [Theory]
    [InlineData("Order SO-10042 shipped 2026-03-02 09:00 with SF1234567890")]
    [InlineData("Conversation 0197f1d2-0000-7000-8000-000000000001 took 1234 ms")]
    public void DatesOrderNumbersTrackingNumbersAndIdsStayReadable(string text) =>
        Assert.Equal(text, PersonalDataMask.Mask(text));

    private static void AssertNoPersonalData(FakeLogCollector logs)
    {
        var everything = string.Join('\n', logs.GetSnapshot().Select(r =>
            $"{r.Message}|{r.Exception}|{string.Join('|', r.StructuredState?.Select(pair => pair.Value) ?? [])}"));
        Assert.DoesNotContain(Email, everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("13800138000", everything, StringComparison.Ordinal);
    }

    private sealed class LoggingBotApplication : BotApplication
    {
        public FakeLogCollector Logs => Services.GetFakeLogCollector();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddFakeLogging());
            builder.ConfigureTestServices(services => services.AddTransient<IBot, FailingBot>());
        }
    }

    /// <summary>The API app on a clock that, once given a failure, throws it: something deep in a request going wrong.</summary>
    private sealed class FailingClockApplication : ApiApplication
    {
        public FailingClock Failing { get; } = new();

        public FakeLogCollector Logs => Services.GetFakeLogCollector();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddFakeLogging());
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Failing));
        }
    }

    private sealed class FailingClock : TimeProvider
    {
        public string? Failure { get; set; }

        public override DateTimeOffset GetUtcNow() => Failure is { } failure ? throw new InvalidOperationException(failure) : base.GetUtcNow();
    }

    /// <summary>Fails as a dialog would on what a user typed, had nothing caught the domain error.</summary>
    private sealed class FailingBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
            throw new DomainException("email.invalid", $"'{Email}' is not a valid email address; call {Phone} instead.");
    }
}
