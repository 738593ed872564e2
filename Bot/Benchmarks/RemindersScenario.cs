using System.CommandLine;
using System.Globalization;

namespace CrmBot.Benchmarks;

/// <summary>
/// Issue 5's target for proactive messages: many reps' reminders due at the same minute, on SQLite, all delivered
/// within a minute and none twice, also when the server is killed mid-batch and started again. CrmBot runs as a child
/// process with its Hangfire jobs on, as it is served, so that it can be killed like a crash would.
/// </summary>
public sealed class RemindersScenario : IBenchmarkScenario
{
    private const double TargetSeconds = 60;

    private readonly Option<int> _reminders = BenchmarkOptions.AtLeast(1, new("--reminders")
    {
        Description = "Reminders due at the same minute.",
        DefaultValueFactory = _ => 10_000,
    });

    private readonly Option<int> _reps = BenchmarkOptions.AtLeast(1, new("--reps")
    {
        Description = "Reps the reminders are shared among, each in a web chat with the bot.",
        DefaultValueFactory = _ => 100,
    });

    private readonly Option<bool> _killRun = new("--kill-run")
    {
        Description = "After the normal run, a second one that kills the server once a third are sent and starts it again (--kill-run false leaves it out).",
        DefaultValueFactory = _ => true,
    };

    private readonly Option<bool> _trigger = new("--trigger")
    {
        Description = "Reminders due at once and the job triggered as the dashboard's 'Trigger now' does, instead of waiting for the minutely run: for quick checks.",
    };

    private readonly Option<int?> _jobsPollMilliseconds = new("--jobs-poll-ms")
    {
        Description = "The server's Jobs:PollInterval in milliseconds (how soon Hangfire starts a due or enqueued job); by default the app's own.",
    };

    private readonly Option<int> _timeout = BenchmarkOptions.AtLeast(1, new("--timeout")
    {
        Description = "Seconds a run waits for every delivery to settle, after the reminders are added and again after the restart.",
        DefaultValueFactory = _ => 300,
    });

    public string Name => "reminders";

    public string Description =>
        "Reps' reminders all due at the same minute, delivered by the real app's minutely Hangfire job into their web chats " +
        "(SQLite): seconds until all are delivered, deliveries/s, duplicates; then again with the server killed mid-batch.";

    public IReadOnlyList<Option> Options => [_reminders, _reps, _killRun, _trigger, _jobsPollMilliseconds, _timeout];

    public async Task<BenchmarkResult> RunAsync(BenchmarkContext context)
    {
        var settings = new ReminderRunSettings(
            context.GetValue(_reminders),
            context.GetValue(_reps),
            context.GetValue(_trigger),
            context.GetValue(_jobsPollMilliseconds) is { } poll ? TimeSpan.FromMilliseconds(poll) : null,
            TimeSpan.FromSeconds(context.GetValue(_timeout)));
        var run = new ReminderRun(settings, context.Output);

        await context.Output.WriteLineAsync("Normal run: starting CrmBot in a child process...");
        var normal = await run.RunAsync(killMidway: false, context.CancellationToken);
        List<BenchmarkFigure> figures = [new("reminders", settings.Reminders, "reminders"), .. normal.Figures("normal run")];
        await ReportAsync(context.Output, "Normal run", normal);

        ReminderRunOutcome? killed = null;
        if (context.GetValue(_killRun))
        {
            await context.Output.WriteLineAsync("Kill run: starting CrmBot in a child process...");
            killed = await run.RunAsync(killMidway: true, context.CancellationToken);
            figures.AddRange(killed.Figures("kill run"));
            await ReportAsync(context.Output, "Kill run", killed);
        }

        return new BenchmarkResult(figures) { Parameters = Parameters(settings, killed is not null) };
    }

    private static async Task ReportAsync(TextWriter output, string run, ReminderRunOutcome outcome)
    {
        var last = outcome.Deliveries.Where(d => d.SentAt is not null).Select(d => d.SentAt!.Value).DefaultIfEmpty(outcome.DueAt).Max() - outcome.DueAt;
        var allInTime = outcome.Settled && outcome.NotDelivered == 0 && last.TotalSeconds <= TargetSeconds;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{run}: {outcome.DeliveredOnce:N0} of {outcome.Reminders:N0} delivered once, {outcome.DeliveredMoreThanOnce} more than once, " +
            $"{outcome.NotDelivered} not at all{(outcome.Settled ? "" : " (NOT settled within the timeout)")}; the last {last.TotalSeconds:0.0} s after due."));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  Target: all within {TargetSeconds:0} s: {(allInTime ? "met" : "NOT met")}; none twice: {(outcome.DeliveredMoreThanOnce == 0 ? "met" : "NOT met")}"));
        if (outcome.Kill is { OrphanedClaims.Count: > 0 } kill)
        {
            await output.WriteLineAsync(
                $"  {kill.OrphanedClaims.Count} claimed when the server died, left in Sending and by design never sent again; {outcome.OrphanedClaimsDelivered} of them had reached the chat.");
        }
    }

    private static Dictionary<string, string> Parameters(ReminderRunSettings settings, bool killRun) => new()
    {
        ["server"] = "CrmBot as served (dotnet CrmBot.dll, Production, logging at Warning) in a child process on 127.0.0.1, jobs on " +
            $"(Hangfire, SQLite storage), Jobs:PollInterval {settings.JobsPollInterval?.ToString("c", CultureInfo.InvariantCulture) ?? "as configured"}, " +
            "quiet hours off, no demo shop",
        ["reminders"] = $"{settings.Reminders.ToString(CultureInfo.InvariantCulture)} open reminders shared among " +
            $"{settings.Reps.ToString(CultureInfo.InvariantCulture)} reps, each in a web chat (a token minted with the Direct Line " +
            "secret, then \"hi\"); added in one transaction",
        ["due"] = settings.Trigger
            ? "at once, the rep-reminders job triggered through the job storage (as 'Trigger now')"
            : "at the start of the next minute at least 10 s away, for the minutely rep-reminders job",
        ["measured"] = "from the ledger's timestamps (ClaimedAt, SentAt) against the due time; duplicates from the bot messages " +
            "in the reps' Direct Line conversations that carry each reminder's card",
        ["kill run"] = killRun
            ? "a fresh data folder; the server killed (SIGKILL, whole process tree) once a third are sent, then started again on the same data"
            : "left out",
        ["server processor time"] = "from the reminders added until settled; in the kill run both processes, the restart included",
    };
}
