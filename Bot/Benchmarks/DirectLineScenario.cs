using System.CommandLine;
using System.Globalization;

namespace CrmBot.Benchmarks;

/// <summary>
/// Web Chat's protocol against the real app: concurrent visitors on the bot's own Direct Line endpoint post scripted
/// messages and poll for the answers, as Web Chat does with <c>webSocket: false</c>; the figure is the round trip from
/// posting a message to reading the bot's reply.
/// </summary>
public sealed class DirectLineScenario : IBenchmarkScenario
{
    private const double TargetP95Milliseconds = 20;

    private readonly Option<int> _visitors = BenchmarkOptions.AtLeast(1, new("--visitors")
    {
        Description = "Web chat visitors taking turns at once, measured after a single one.",
        DefaultValueFactory = _ => 8,
    });

    private readonly Option<int> _seconds = BenchmarkOptions.AtLeast(1, new("--seconds")
    {
        Description = "Seconds measured.",
        DefaultValueFactory = _ => 10,
    });

    private readonly Option<int> _warmUp = BenchmarkOptions.AtLeast(0, new("--warm-up")
    {
        Description = "Seconds of unmeasured turns first.",
        DefaultValueFactory = _ => 5,
    });

    private readonly Option<int> _pollMilliseconds = BenchmarkOptions.AtLeast(1, new("--poll-ms")
    {
        // The endpoint answers a post once the bot has replied, so the first poll normally finds the reply.
        Description = "Milliseconds between polls while the reply has not arrived yet.",
        DefaultValueFactory = _ => 50,
    });

    public string Name => "directline";

    public string Description =>
        "Concurrent web chat visitors on the real app's Direct Line endpoint (127.0.0.1): post a message, poll from the " +
        "watermark until the reply arrives; round trips/s and p50/p95/p99 ms.";

    public IReadOnlyList<Option> Options => [_visitors, _seconds, _warmUp, _pollMilliseconds];

    public async Task<BenchmarkResult> RunAsync(BenchmarkContext context)
    {
        var visitors = context.GetValue(_visitors);
        var ct = context.CancellationToken;
        await context.Output.WriteLineAsync("Starting CrmBot with the demo shop on 127.0.0.1...");
        await using var server = await BotServer.StartAsync(ct);
        var orders = await server.TrackableOrdersAsync(visitors, ct);
        if (orders.Count == 0)
        {
            throw new InvalidOperationException("The demo shop has no order whose customer has an email to track it with.");
        }

        using var client = LoopbackClient.Create(server.BaseAddress, visitors);
        var pollInterval = TimeSpan.FromMilliseconds(context.GetValue(_pollMilliseconds));
        var seconds = TimeSpan.FromSeconds(context.GetValue(_seconds));
        var warmUp = TimeSpan.FromSeconds(context.GetValue(_warmUp));

        // One visitor shows the latency a user sees; the larger load, how it holds while the bot is busy.
        List<TurnTally> tallies = [];
        foreach (var load in new[] { 1, visitors }.Distinct())
        {
            var group = Enumerable.Range(0, load)
                .Select(index => new DirectLineVisitor(client, VisitorScript.For(orders[index % orders.Count]), pollInterval))
                .ToList();
            foreach (var visitor in group)
            {
                await visitor.StartAsync(ct);
            }

            if (warmUp > TimeSpan.Zero)
            {
                await context.Output.WriteLineAsync($"{load} visitors: warming up for {warmUp.TotalSeconds:0} s...");
                await ClosedLoop.RunAsync(group, warmUp, ct);
            }

            await context.Output.WriteLineAsync($"{load} visitors: measuring for {seconds.TotalSeconds:0} s...");
            var tally = new TurnTally("web chat (post, then poll)", load);
            tally.Add(await ClosedLoop.RunAsync(group, seconds, ct));
            tallies.Add(tally);
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  Target at {load} visitors: a post-then-poll round trip under {TargetP95Milliseconds:0} ms at p95: " +
                $"{(tally.Latency.P95 < TargetP95Milliseconds ? "met" : "NOT met")} ({tally.Latency.P95:0.0} ms); " +
                $"without errors: {(tally.Errors == 0 ? "yes" : $"NO, {tally.Errors}")}"));
        }

        return new BenchmarkResult([.. tallies.SelectMany(tally => tally.Figures())])
        {
            Parameters = new Dictionary<string, string>
            {
                ["server"] = "CrmBot as served (AddCrmBot/MapCrmBot, Production, logging at Warning) on Kestrel, 127.0.0.1",
                ["client"] = "what Web Chat sends with webSocket: false: a visitor token, the conversation started, then per turn " +
                    $"a posted activity and polls from the watermark every {pollInterval.TotalMilliseconds:0} ms until the reply to it arrives",
                ["load generator"] = $"in the same process: it shares the machine's {Environment.ProcessorCount} cores with the server",
                ["visitors"] = visitors == 1 ? "1" : $"1, then {visitors}",
                ["script"] = "hi | track SO-... | the order's email | show me your products | new order | cancel",
                ["errors"] = tallies.Sum(tally => tally.Errors) == 0
                    ? "none"
                    : string.Join("; ", tallies.SelectMany(tally => tally.ErrorsByKind).Select(e => $"{e.Key} ({e.Value})")),
            },
        };
    }
}
