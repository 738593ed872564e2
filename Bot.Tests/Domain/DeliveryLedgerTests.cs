using CrmBot.Domain.Proactive;
using CrmBot.Domain.Persistence;
using CrmBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBot.Tests.Domain;

public class DeliveryLedgerTests : IAsyncLifetime
{
    /// <summary>The database these tests run on; the PostgreSQL suite runs them again there.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private TestDatabase _db = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DeliveryKey First = new(DeliveryTopic.Reminder, Guid.NewGuid(), DateTimeOffset.UnixEpoch);
    private static readonly DeliveryKey Second = new(DeliveryTopic.Reminder, Guid.NewGuid(), DateTimeOffset.UnixEpoch);
    private static readonly DeliveryKey Nudge = new(DeliveryTopic.UnpaidOrder, Guid.NewGuid(), DateTimeOffset.UnixEpoch);
    private static readonly DeliveryKey SecondNudge = new(DeliveryTopic.UnpaidOrder, Guid.NewGuid(), DateTimeOffset.UnixEpoch);
    private static readonly DeliveryKey Digest = new(DeliveryTopic.DailyDigest, Guid.NewGuid(), DateTimeOffset.UnixEpoch);

    private DeliveryLedger Ledger => _db.Services.GetRequiredService<DeliveryLedger>();

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(Provider, Ct);

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task AMessageIsClaimedOnceAndNeverAgainOnceSent()
    {
        var first = await TryClaimAsync(First, Ct);
        var whileSending = await TryClaimAsync(First, Ct);
        await Ledger.MarkSentAsync(First, Ct);
        _db.Clock.Advance(TimeSpan.FromDays(1));
        var afterSent = await TryClaimAsync(First, Ct);

        Assert.True(first);
        Assert.False(whileSending);
        Assert.False(afterSent);
        Assert.Equal(DeliveryStatus.Sent, (await Ledger.FindAsync(First, Ct))!.Status);
    }

    [Fact]
    public async Task OfManyConcurrentRunsExactlyOneClaims()
    {
        var claims = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => TryClaimAsync(Nudge, Ct), Ct)));

        Assert.Equal(1, claims.Count(claimed => claimed));
    }

    [Fact]
    public async Task AFailedSendIsRetriedAfterTheBackOffThenGivenUp()
    {
        var attempts = 0;
        for (var i = 0; i < 20 && await ClaimWhenDueAsync(); i++)
        {
            attempts++;
            await Ledger.MarkFailedAsync(Digest, "channel unreachable", Ct);
        }

        var delivery = await Ledger.FindAsync(Digest, Ct);
        Assert.Equal(DeliveryLedger.MaxAttempts, attempts);
        Assert.Equal(DeliveryStatus.Failed, delivery!.Status);
        Assert.Equal("channel unreachable", delivery.LastError);
    }

    [Fact]
    public async Task ARetryIsNotDueBeforeItsBackOff()
    {
        await TryClaimAsync(SecondNudge, Ct);
        await Ledger.MarkFailedAsync(SecondNudge, "timeout", Ct);

        var tooSoon = await TryClaimAsync(SecondNudge, Ct);
        _db.Clock.Advance(TimeSpan.FromMinutes(1));
        var due = await TryClaimAsync(SecondNudge, Ct);

        Assert.False(tooSoon);
        Assert.True(due);
    }

    [Fact]
    public async Task AClaimLeftByARunThatStoppedIsNeverSentAgain()
    {
        await TryClaimAsync(Second, Ct);
        _db.Clock.Advance(DeliveryLedger.ClaimTimeout + TimeSpan.FromMinutes(1));

        var again = await TryClaimAsync(Second, Ct);

        Assert.False(again);
        Assert.Equal(DeliveryStatus.Uncertain, (await Ledger.FindAsync(Second, Ct))!.Status);
    }

    /// <summary>Claims the digest, moving the clock on to its next retry first when one is due later.</summary>
    private async Task<bool> ClaimWhenDueAsync()
    {
        if (await Ledger.FindAsync(Digest, Ct) is { NextAttemptAt: { } next } && next > _db.Clock.GetUtcNow())
        {
            _db.Clock.Advance(next - _db.Clock.GetUtcNow());
        }

        return await TryClaimAsync(Digest, Ct);
    }

    /// <summary>Claims as a channel that sends and records apart (Teams) does; true when this caller may send.</summary>
    private async Task<bool> TryClaimAsync(DeliveryKey key, CancellationToken ct) => await Ledger.ClaimAsync(key, exact: false, ct) is not null;
}
