using System.Diagnostics;
using System.Globalization;
using CrmBot.Benchmarks;
using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBot.Tests.Reliability;

/// <summary>
/// Two hundred anonymous web visitors talk to the app at once for a minute, the bench's scripted turns with every reply
/// checked: the app in a process of its own as served (Production, demo shop on SQLite), so its memory is its own.
/// </summary>
[Collection(ReliabilitySuite.Name)]
public sealed class LoadTests
{
    private const int Conversations = 200;
    private const double MiB = 1024 * 1024;

    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoHundredConversationsForAMinuteGetEveryReplyWithoutErrorsAndFlatMemory()
    {
        var folder = Directory.CreateTempSubdirectory("crmbot-load-");
        try
        {
            await using var bot = await BotProcess.StartAsync(Settings(folder.FullName), Ct);
            var orders = await TrackableOrdersAsync(folder.FullName);
            using var client = LoopbackClient.Create(bot.BaseAddress, Conversations);
            List<ILoadVisitor> visitors = [.. Enumerable.Range(0, Conversations).Select(index =>
                new SimulatedConversation(client, "/api/messages", $"load-{index}", VisitorScript.For(orders[index % orders.Count])))];

            using var sampling = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            var sampled = SampleAsync(bot, sampling.Token);
            var load = await ClosedLoop.RunAsync(visitors, Duration, Ct);
            await sampling.CancelAsync();
            var memory = new WorkingSet(await sampled);
            TestContext.Current.TestOutputHelper?.WriteLine($"{load.Turns.Count} turns sent, {load.Answered} answered. {memory}");

            var errors = load.Turns.Where(turn => turn.Error is not null).GroupBy(turn => turn.Error)
                .Select(error => $"{error.Count()} x {error.Key}").Take(10);
            Assert.True(load.Answered == load.Turns.Count, $"{load.Turns.Count} turns sent, {load.Answered} answered as expected: {string.Join("; ", errors)}");
            Assert.True(load.Turns.Count >= Conversations * VisitorScript.For(orders[0]).Count, $"Only {load.Turns.Count} turns in {Duration.TotalSeconds} s.");
            Assert.DoesNotContain(bot.Output, line => line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal));
            Assert.True(memory.IsFlat, memory.ToString());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static Dictionary<string, string> Settings(string folder) => new()
    {
        ["Database:DataDirectory"] = folder,
        ["Database:SeedDemoData"] = "true",
        // The load is conversations; a Hangfire server's polling would only add noise to the memory it measures.
        ["Jobs:Enabled"] = "false",
        ["Logging:LogLevel:Default"] = "Warning",
        ["MicrosoftAppId"] = "",
        ["MicrosoftAppPassword"] = "",
    };

    private static async Task<IReadOnlyList<TrackableOrder>> TrackableOrdersAsync(string folder)
    {
        await using var services = DomainDatabase.Services(folder);
        await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(Ct);
        var orders = await TrackableOrder.FindAsync(db, Conversations, Ct);
        Assert.NotEmpty(orders);
        return orders;
    }

    /// <summary>The server's working set every second until cancelled, with the second each was read at.</summary>
    private static async Task<List<(double Second, double MiB)>> SampleAsync(BotProcess bot, CancellationToken ct)
    {
        List<(double, double)> samples = [];
        var started = Stopwatch.GetTimestamp();
        using var timer = new PeriodicTimer(SampleInterval);
        try
        {
            do
            {
                samples.Add((Stopwatch.GetElapsedTime(started).TotalSeconds, bot.WorkingSetBytes() / MiB));
            }
            while (await timer.WaitForNextTickAsync(ct));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }

        return samples;
    }

    /// <summary>
    /// The samples of a run cut in thirds: the first is warm-up (tiered compilation, caches, GC heaps sizing themselves).
    /// Memory is flat when the last third peaks no higher than the middle one plus a margin. Peaks, not a trend line: the
    /// GC's sawtooth (a slow climb, then a drop at a full collection, every minute or so here) gives a 40 s window a
    /// slope of +1 MiB/s or more without any leak, and steeper the faster the turns; the slope is shown, not judged.
    /// </summary>
    private sealed record WorkingSet(IReadOnlyList<(double Second, double MiB)> Samples)
    {
        private const double MarginMiB = 64;
        private const double MarginShare = 0.15;

        private IReadOnlyList<(double Second, double MiB)> Middle => [.. Samples.Where(s => s.Second >= Third && s.Second < 2 * Third)];

        private IReadOnlyList<(double Second, double MiB)> Last => [.. Samples.Where(s => s.Second >= 2 * Third)];

        private double Third => Samples[^1].Second / 3;

        private double MiddlePeak => Middle.Select(s => s.MiB).DefaultIfEmpty(double.NaN).Max();

        private double LastPeak => Last.Select(s => s.MiB).DefaultIfEmpty(double.NaN).Max();

        private double Allowed => MiddlePeak + Math.Max(MarginMiB, MarginShare * MiddlePeak);

        /// <summary>Least-squares slope of the samples after the warm-up, MiB a second.</summary>
        private double Slope
        {
            get
            {
                var after = Samples.Where(s => s.Second >= Third).ToList();
                var (meanX, meanY) = (after.Average(s => s.Second), after.Average(s => s.MiB));
                return after.Sum(s => (s.Second - meanX) * (s.MiB - meanY)) / after.Sum(s => (s.Second - meanX) * (s.Second - meanX));
            }
        }

        public bool IsFlat => LastPeak <= Allowed;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"Working set: middle third's peak {MiddlePeak:0} MiB, last third's {LastPeak:0} MiB (at most {Allowed:0}), slope after the warm-up " +
            $"{Slope:+0.00;-0.00} MiB/s; samples (s: MiB): {string.Join(", ", Samples.Select(s => $"{s.Second:0}: {s.MiB:0}"))}");
    }
}
