using System.CommandLine;
using System.Globalization;

namespace CrmBot.Benchmarks;

/// <summary>
/// Whole turns over HTTP: many anonymous web visitors talk to the real CrmBot app at once on /api/messages with
/// expectReplies, and the same number talk to a bare echo bot behind the same adapter in the same run, so the
/// figures can be read as a share of what the Bot Framework plumbing alone achieves on this machine.
/// </summary>
public sealed class TurnsScenario : IBenchmarkScenario
{
    private readonly Option<int> _conversations = BenchmarkOptions.AtLeast(1, new("--conversations")
    {
        Description = "Conversations taking turns at once: the saturating load.",
        DefaultValueFactory = _ => 64,
    });

    private readonly Option<int> _moderate = BenchmarkOptions.AtLeast(0, new("--moderate-conversations")
    {
        Description = "Conversations of the moderate load latency is compared at; 0 leaves it out.",
        DefaultValueFactory = _ => 8,
    });

    private readonly Option<int> _seconds = BenchmarkOptions.AtLeast(1, new("--seconds")
    {
        Description = "Seconds each bot is measured at each load, over all rounds.",
        DefaultValueFactory = _ => 10,
    });

    private readonly Option<int> _rounds = BenchmarkOptions.AtLeast(1, new("--rounds")
    {
        Description = "Rounds the seconds are split into, the two bots taking turns.",
        DefaultValueFactory = _ => 5,
    });

    private readonly Option<int> _warmUp = BenchmarkOptions.AtLeast(0, new("--warm-up")
    {
        // Tiered compilation takes seconds to settle on a busy 2-core machine: after 3 s a crm turn still cost 40% more.
        Description = "Seconds of unmeasured turns for each bot first.",
        DefaultValueFactory = _ => 10,
    });

    public string Name => "turns";

    public string Description =>
        "Posts scripted turns of many concurrent anonymous visitors to the real app's /api/messages (expectReplies, " +
        "127.0.0.1) and to an echo bot on the same adapter, alternately: turns/s, p50/p95/p99 ms, errors, crm/echo.";

    public IReadOnlyList<Option> Options => [_conversations, _moderate, _seconds, _rounds, _warmUp];

    public async Task<BenchmarkResult> RunAsync(BenchmarkContext context)
    {
        var conversations = context.GetValue(_conversations);
        var moderate = context.GetValue(_moderate);
        var rounds = context.GetValue(_rounds);
        var round = TimeSpan.FromSeconds((double)context.GetValue(_seconds) / rounds);
        var warmUp = TimeSpan.FromSeconds(context.GetValue(_warmUp));
        var ct = context.CancellationToken;

        await context.Output.WriteLineAsync("Starting CrmBot with the demo shop on 127.0.0.1...");
        await using var server = await BotServer.StartAsync(ct);
        var orders = await server.TrackableOrdersAsync(conversations, ct);
        if (orders.Count == 0)
        {
            throw new InvalidOperationException("The demo shop has no order whose customer has an email to track it with.");
        }

        using var client = LoopbackClient.Create(server.BaseAddress, Math.Max(conversations, moderate));
        List<BenchmarkFigure> figures = [];
        List<TurnTally> tallies = [];
        foreach (var load in new[] { conversations, moderate }.Where(load => load > 0).Distinct())
        {
            var echo = Visitors(client, BotServer.EchoPath, load, index => EchoScript(orders[index % orders.Count]));
            var crm = Visitors(client, BotServer.CrmPath, load, index => VisitorScript.For(orders[index % orders.Count]));
            if (load == conversations && warmUp > TimeSpan.Zero)
            {
                await context.Output.WriteLineAsync($"Warming up: {warmUp.TotalSeconds:0} s for each bot...");
                await ClosedLoop.RunAsync(echo, warmUp, ct);
                await ClosedLoop.RunAsync(crm, warmUp, ct);
            }

            var (echoTally, crmTally) = await AlternateAsync(echo, crm, load, rounds, round, context);
            figures.AddRange([.. echoTally.Figures(), .. crmTally.Figures(), .. Comparison(echoTally, crmTally, load)]);
            tallies.AddRange([echoTally, crmTally]);
        }

        await ReportAsync(context.Output, tallies);
        return new BenchmarkResult(figures)
        {
            Parameters = new Dictionary<string, string>
            {
                ["server"] = "CrmBot as served (AddCrmBot/MapCrmBot, Production, logging at Warning, no auth) on Kestrel, 127.0.0.1; " +
                    $"the echo bot on {BotServer.EchoPath} of the same app, same endpoint filter, CrmBotAdapter and middleware",
                ["client"] = "HttpClient (SocketsHttpHandler, HTTP/1.1, a connection per conversation), deliveryMode expectReplies, " +
                    "closed loop; every reply checked",
                ["load generator"] = $"in the same process: it shares the machine's {Environment.ProcessorCount} cores with the server",
                ["conversations"] = moderate > 0 ? $"{conversations} (saturating), {moderate} (moderate)" : $"{conversations}",
                ["measured"] = $"{rounds} rounds of {round.TotalSeconds:0.##} s for each bot, echo then crm, at each load, " +
                    $"after {warmUp.TotalSeconds:0} s of warm-up each",
                ["script"] = "hi | track SO-... | the order's email | show me your products | new order | cancel (anonymous " +
                    "visitor, a demo order each); the echo bot gets the same activities",
                ["state"] = "SQLite (WAL, file), demo shop",
                ["mean request body"] = $"{tallies[0].MeanRequestBytes:0} bytes",
                ["errors"] = tallies.Sum(tally => tally.Errors) == 0 ? "none" : string.Join("; ", ErrorLines(tallies)),
            },
        };
    }

    // The bots take turns in short rounds rather than one long stretch each: these shared machines drift by up to 2x
    // from minute to minute (DESIGN.md), and alternating lets the drift weigh on both alike.
    private static async Task<(TurnTally Echo, TurnTally Crm)> AlternateAsync(
        List<SimulatedConversation> echoVisitors, List<SimulatedConversation> crmVisitors, int load, int rounds, TimeSpan round, BenchmarkContext context)
    {
        var echo = new TurnTally("echo bot", load);
        var crm = new TurnTally("crm bot", load);
        for (var i = 1; i <= rounds; i++)
        {
            var echoRound = await ClosedLoop.RunAsync(echoVisitors, round, context.CancellationToken);
            var crmRound = await ClosedLoop.RunAsync(crmVisitors, round, context.CancellationToken);
            echo.Add(echoRound);
            crm.Add(crmRound);
            await context.Output.WriteLineAsync($"  {load} conversations, round {i}/{rounds}: echo {Rate(echoRound)}, crm {Rate(crmRound)}");
        }

        return (echo, crm);
    }

    private static IEnumerable<BenchmarkFigure> Comparison(TurnTally echo, TurnTally crm, int load) =>
    [
        new($"crm/echo turns at {load} conversations", 100 * crm.TurnsPerSecond / echo.TurnsPerSecond, "%"),
        new($"crm/echo p99 at {load} conversations", crm.Latency.P99 / echo.Latency.P99, "x"),
        new($"echo/crm processor time per turn at {load} conversations", 100 * echo.ProcessorMillisecondsPerTurn / crm.ProcessorMillisecondsPerTurn, "%"),
    ];

    // Each bot's visitors have conversation ids of their own: the adapter processes an activity id once per conversation.
    private static List<SimulatedConversation> Visitors(
        HttpClient client, string path, int count, Func<int, IReadOnlyList<ScriptedTurn>> scriptOf) =>
        [.. Enumerable.Range(0, count).Select(index => new SimulatedConversation(client, path, $"{path.Trim('/').Replace('/', '-')}-{count}-{index}", scriptOf(index)))];

    private static IReadOnlyList<ScriptedTurn> EchoScript(TrackableOrder order) =>
        [.. VisitorScript.For(order).Select(turn => turn with { Step = "echo " + turn.Step, ExpectedReply = turn.Text })];

    private static string Rate(LoadSample sample) => string.Create(CultureInfo.InvariantCulture,
        $"{sample.Answered / sample.Elapsed.TotalSeconds:0} turns/s ({sample.Cost.ProcessorTime.TotalMilliseconds / sample.Answered:0.00} ms processor time, " +
        $"{sample.Cost.AllocatedBytes / 1024.0 / sample.Answered:0} KiB a turn)");

    private static async Task ReportAsync(TextWriter output, List<TurnTally> tallies)
    {
        var errors = tallies.Sum(tally => tally.Errors);
        if (errors > 0)
        {
            await output.WriteLineAsync($"THIS RUN HAD {errors} ERRORS; its figures count correct replies only:");
            foreach (var line in ErrorLines(tallies))
            {
                await output.WriteLineAsync($"  {line}");
            }
        }

        var echo = tallies[0];
        var crm = tallies[1];
        var share = 100 * crm.TurnsPerSecond / echo.TurnsPerSecond;
        var p99 = crm.Latency.P99;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Target ({crm.Label}): at least 50% of the echo bot's turns/s: {(share >= 50 ? "met" : "NOT met")} ({share:0}%); " +
            $"p99 under 50 ms: {(p99 < 50 ? "met" : "NOT met")} ({p99:0.0} ms); without errors: {(errors == 0 ? "yes" : "NO")}"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Processor time per turn (server and load generator): echo {echo.ProcessorMillisecondsPerTurn:0.00} ms, crm " +
            $"{crm.ProcessorMillisecondsPerTurn:0.00} ms: were processor time all that limits it, crm would reach " +
            $"{100 * echo.ProcessorMillisecondsPerTurn / crm.ProcessorMillisecondsPerTurn:0}% of the echo bot's turns/s."));
    }

    private static IEnumerable<string> ErrorLines(IEnumerable<TurnTally> tallies) =>
        tallies.SelectMany(tally => tally.ErrorsByKind.Select(error => (tally.Label, Kind: error.Key, Count: error.Value)))
            .OrderByDescending(error => error.Count)
            .Take(10)
            .Select(error => $"{error.Count} x {error.Label}, {error.Kind}");
}
