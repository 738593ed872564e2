using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CrmBot.Domain.Insights;
using CrmBot.Domain.Persistence;
using CrmBot.Hosting;
using CsvHelper;
using Microsoft.Extensions.Options;

namespace CrmBot.Insights;

/// <summary>
/// <c>train [--as-of DATE]</c> saves a new version of the purchase model trained on what was known then (now by
/// default); <c>evaluate --as-of DATE</c> trains on what was known then and scores every customer on what happened
/// after it (report.json, scores.csv). Both work on the bot's own database (configuration options pass through).
/// </summary>
internal static class InsightsCommands
{
    private static readonly JsonSerializerOptions ReportJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    public static Command Train(TimeProvider timeProvider)
    {
        var asOf = AsOfOption("Train on what was known on this date (yyyy-MM-dd, UTC); default: now.");
        var command = new Command("train", "Trains the purchase model on the bot's database and saves it as a new version (the bot picks it up within 5 minutes).") { asOf };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parseResult, ct) =>
        {
            var (output, error) = (parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error);
            if (await CommandHost.HostArgumentsAsync(parseResult) is not { } hostArgs)
            {
                return 1;
            }

            await using var app = await StartAsync(hostArgs, timeProvider, ct);
            var models = app.Services.GetRequiredService<PurchaseModelService>();
            var file = await models.TrainAsync(parseResult.GetValue(asOf), ct);
            await output.WriteLineAsync($"Trained as of {file.Cutoff:yyyy-MM-dd} on {file.Examples:N0} examples; kept: {file.Algorithm}.");
            if (file.TooLittleHistory is { } reason)
            {
                await output.WriteLineAsync(reason);
            }

            await WriteMetricsAsync(output, "Validation month", file.Validation);
            await output.WriteLineAsync($"Saved version {file.Version} in {models.Store.Folder}");
            return 0;
        });
        return command;
    }

    public static Command Evaluate(TimeProvider timeProvider)
    {
        var asOf = AsOfOption("Train on what was known on this date and score what happened after it (yyyy-MM-dd, UTC).");
        asOf.Required = true;
        var horizon = new Option<int>("--horizon-days")
        {
            Description = "Days after the as-of date in which an order counts (default: Insights:HorizonDays, 30).",
            HelpName = "days",
        };
        horizon.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 365)
            {
                result.AddError("--horizon-days must be between 1 and 365.");
            }
        });
        var report = new Option<FileInfo>("--out") { Description = "Write the report as JSON to this file.", HelpName = "report.json" };
        var scores = new Option<FileInfo>("--scores") { Description = "Write each customer's score (external_id, score 0-100, label) as CSV.", HelpName = "scores.csv" };
        var command = new Command("evaluate", "Shows how well the purchase model would have predicted the orders after a past date, against the RFM baseline.")
        {
            asOf, horizon, report, scores,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parseResult, ct) =>
        {
            var (output, error) = (parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error);
            if (await CommandHost.HostArgumentsAsync(parseResult) is not { } hostArgs)
            {
                return 1;
            }

            var date = parseResult.GetRequiredValue(asOf)!.Value;
            if (date > timeProvider.GetUtcNow())
            {
                await error.WriteLineAsync($"{date:yyyy-MM-dd} is in the future: evaluate scores what happened after the as-of date, so choose a past one.");
                return 1;
            }

            await using var app = await StartAsync(hostArgs, timeProvider, ct);
            var options = app.Services.GetRequiredService<IOptions<PurchaseModelOptions>>().Value;
            if (parseResult.GetValue(horizon) is > 0 and var days)
            {
                options = new PurchaseModelOptions { HorizonDays = days, Snapshots = options.Snapshots, MinDaysBetweenCalls = options.MinDaysBetweenCalls };
            }

            var histories = await app.Services.GetRequiredService<PurchaseModelService>().HistoriesAsync(ct);
            PurchaseModelEvaluationResult result;
            try
            {
                result = PurchaseModelEvaluation.Run(histories, date, options, timeProvider.GetUtcNow());
            }
            catch (InvalidOperationException ex)
            {
                await error.WriteLineAsync(ex.Message);
                return 1;
            }

            await WriteReportAsync(output, result.Report);
            if (parseResult.GetValue(report) is { } reportFile)
            {
                await File.WriteAllTextAsync(reportFile.FullName, JsonSerializer.Serialize(result.Report, ReportJson), ct);
                await output.WriteLineAsync($"Report written to {reportFile.FullName}");
            }

            if (parseResult.GetValue(scores) is { } scoresFile)
            {
                using (var writer = CsvWriter.ToFile(scoresFile.FullName, CsvWriterOptions.Default with { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture }))
                {
                    writer.WriteRecords(result.Scores);
                }

                await output.WriteLineAsync($"Scores of {result.Scores.Count:N0} customers written to {scoresFile.FullName}");
            }

            return 0;
        });
        return command;
    }

    private static Option<DateTimeOffset?> AsOfOption(string description) => new("--as-of")
    {
        Description = description,
        HelpName = "date",
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            }

            result.AddError($"'{text}' is not a date: write it as yyyy-MM-dd, e.g. 2025-06-30.");
            return null;
        },
    };

    /// <summary>The host on the bot's database, brought up to date (with the demo shop in an empty one, as serving would).</summary>
    private static async Task<WebApplication> StartAsync(string[] hostArgs, TimeProvider timeProvider, CancellationToken ct)
    {
        var app = CommandHost.Build(hostArgs, timeProvider);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CrmDatabase>().InitializeAsync(ct);
        return app;
    }

    private static async Task WriteReportAsync(TextWriter output, PurchaseModelReport report)
    {
        await output.WriteLineAsync(
            $"As of {report.AsOf:yyyy-MM-dd}, {report.Customers:N0} customers, {report.PositiveRate:P1} ordered within {report.HorizonDays} days" +
            (report.LabelsIncomplete ? " (the horizon has not ended yet: later orders are missing)." : "."));
        if (report.TooLittleHistory is { } reason)
        {
            await output.WriteLineAsync(reason);
        }

        await output.WriteLineAsync($"Kept {report.Model}: ROC-AUC {report.Auc:F3}, PR-AUC {report.PrAuc:F3}, log loss {report.LogLoss:F3}; RFM baseline ROC-AUC {report.BaselineAuc:F3}, PR-AUC {report.BaselinePrAuc:F3}.");
        await WriteMetricsAsync(output, "Validation month (choosing the model)", report.Validation);
        await WriteMetricsAsync(output, "After the as-of date", report.Test);
        var kept = report.Test[0];
        await output.WriteLineAsync($"Reliability of {kept.Model} after the as-of date (predicted vs observed):");
        foreach (var bin in kept.Calibration)
        {
            await output.WriteLineAsync(FormattableString.Invariant($"  {bin.From:P0}-{bin.To:P0}: {bin.Customers,6} customers, predicted {bin.MeanPredicted:P1}, observed {bin.Observed:P1}"));
        }
    }

    private static async Task WriteMetricsAsync(TextWriter output, string title, IReadOnlyList<ModelMetrics> metrics)
    {
        if (metrics.Count == 0)
        {
            return;
        }

        await output.WriteLineAsync($"{title}:");
        foreach (var m in metrics)
        {
            await output.WriteLineAsync(FormattableString.Invariant($"  {m.Model,-20} ROC-AUC {m.Auc:F3}  PR-AUC {m.PrAuc:F3}  log loss {m.LogLoss:F3}  ({m.Customers:N0} customers)"));
        }
    }
}
