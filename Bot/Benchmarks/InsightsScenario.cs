using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CrmBot.Domain.Insights;
using Microsoft.ML;

namespace CrmBot.Benchmarks;

/// <summary>
/// The purchase model at a shop's scale, in memory: training on two years of generated histories (and its parts),
/// one customer's prediction with its explanation, scoring every customer, and the call plan over all of them.
/// </summary>
public sealed class InsightsScenario : IBenchmarkScenario
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Option<int> _customers = BenchmarkOptions.AtLeast(100, new Option<int>("--customers")
    {
        Description = "Customers generated, each with up to two years of orders and contacts.",
        DefaultValueFactory = _ => 50_000,
    });

    private readonly Option<int> _predictions = BenchmarkOptions.AtLeast(1, new Option<int>("--predictions")
    {
        Description = "Single predictions timed one by one (after as many to warm up).",
        DefaultValueFactory = _ => 10_000,
    });

    private readonly Option<int> _reps = BenchmarkOptions.AtLeast(1, new Option<int>("--reps")
    {
        Description = "Sales reps in the call plan, 30 calls a day each.",
        DefaultValueFactory = _ => 20,
    });

    private readonly Option<int> _seed = new("--seed")
    {
        Description = "Seed of the generated histories.",
        DefaultValueFactory = _ => 1,
    };

    public string Name => "insights";

    public string Description =>
        "Trains the purchase model on generated customer histories (s, and each part), then times a single prediction " +
        "with its explanation (p50/p95/p99 µs), scoring every customer (s) and the call plan over all of them (s).";

    public IReadOnlyList<Option> Options => [_customers, _predictions, _reps, _seed];

    public async Task<BenchmarkResult> RunAsync(BenchmarkContext context)
    {
        var customerCount = context.GetValue(_customers);
        var predictionCount = context.GetValue(_predictions);
        var repCount = context.GetValue(_reps);
        var options = new PurchaseModelOptions();
        var figures = new List<BenchmarkFigure>();

        await context.Output.WriteLineAsync($"Generating {customerCount:N0} customers' histories...");
        var started = Stopwatch.GetTimestamp();
        var histories = new SyntheticShop(context.GetValue(_seed), Now).Histories(customerCount);
        figures.Add(new("histories generated", Stopwatch.GetElapsedTime(started).TotalSeconds, "s"));
        figures.Add(new("orders", histories.Sum(h => h.Orders.Count), "orders"));
        figures.Add(new("contacts", histories.Sum(h => h.Contacts.Count), "contacts"));

        await context.Output.WriteLineAsync("Training (snapshots, every candidate, the best refit on all)...");
        started = Stopwatch.GetTimestamp();
        var training = new PurchaseModelTrainer(options).Train(histories, Now);
        figures.Add(new("training (whole Train call)", Stopwatch.GetElapsedTime(started).TotalSeconds, "s"));
        figures.Add(new("training examples", training.Examples, "examples"));
        figures.AddRange(training.Validation.Select(m => new BenchmarkFigure($"validation ROC-AUC: {m.Model}", m.Auc, "")));
        context.CancellationToken.ThrowIfCancellationRequested();

        await context.Output.WriteLineAsync($"Kept {training.Algorithm}; timing the parts of a training...");
        figures.AddRange(TrainingParts(histories, options));

        var predictor = Predictor(training);
        await context.Output.WriteLineAsync($"Timing {predictionCount:N0} predictions one by one...");
        var features = histories.Select(h => CustomerFeatureExtractor.At(h, Now)).ToArray();
        var random = new Random(2);
        figures.AddRange(Latency(predictionCount, () => predictor.Score(features[random.Next(features.Length)]))
            .Figures("prediction with explanation", "µs"));
        figures.AddRange(Latency(predictionCount, () => predictor.Score(CustomerFeatureExtractor.At(histories[random.Next(histories.Count)], Now)))
            .Figures("features + prediction", "µs"));
        context.CancellationToken.ThrowIfCancellationRequested();

        await context.Output.WriteLineAsync($"Scoring all {customerCount:N0} customers...");
        var scores = new PurchaseScore[histories.Count];
        started = Stopwatch.GetTimestamp();
        for (var i = 0; i < histories.Count; i++)
        {
            scores[i] = predictor.Score(CustomerFeatureExtractor.At(histories[i], Now))!;
        }

        figures.Add(new("scoring all customers (features + score, sequential)", Stopwatch.GetElapsedTime(started).TotalSeconds, "s"));
        started = Stopwatch.GetTimestamp();
        Parallel.For(0, histories.Count, i => scores[i] = predictor.Score(CustomerFeatureExtractor.At(histories[i], Now))!);
        figures.Add(new($"scoring all customers (parallel, {Environment.ProcessorCount} cores)", Stopwatch.GetElapsedTime(started).TotalSeconds, "s"));

        await context.Output.WriteLineAsync($"Planning the calls of {repCount} reps over {customerCount:N0} customers...");
        started = Stopwatch.GetTimestamp();
        List<RepCapacity> reps = [.. Enumerable.Range(0, repCount).Select(_ => new RepCapacity(Guid.NewGuid(), 30))];
        var plan = CallPlanner.Plan(Candidates(histories, features, scores, reps), reps);
        figures.Add(new("call plan", Stopwatch.GetElapsedTime(started).TotalSeconds, "s"));
        figures.Add(new("calls planned", plan.Values.Sum(calls => calls.Count), "calls"));

        return new BenchmarkResult(figures)
        {
            Parameters = new Dictionary<string, string>
            {
                ["customers"] = customerCount.ToString(CultureInfo.InvariantCulture),
                ["cutoff"] = Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["snapshots"] = options.Snapshots.ToString(CultureInfo.InvariantCulture),
                ["horizon days"] = options.HorizonDays.ToString(CultureInfo.InvariantCulture),
                ["model kept"] = training.Algorithm,
                ["predictions timed"] = predictionCount.ToString(CultureInfo.InvariantCulture),
                ["reps"] = repCount.ToString(CultureInfo.InvariantCulture),
                ["seed"] = context.GetValue(_seed).ToString(CultureInfo.InvariantCulture),
            },
        };
    }

    /// <summary>What the whole training spends its time on: the snapshots, and each candidate's fit on the training months.</summary>
    private static IEnumerable<BenchmarkFigure> TrainingParts(List<CustomerHistory> histories, PurchaseModelOptions options)
    {
        var started = Stopwatch.GetTimestamp();
        var moments = TrainingSet.MomentsBefore(Now, options.Horizon, options.Snapshots);
        var examples = TrainingSet.At(histories, moments.Skip(1), options.Horizon);
        TrainingSet.At(histories, moments.Take(1), options.Horizon);
        yield return new("training part: building the snapshots", Stopwatch.GetElapsedTime(started).TotalSeconds, "s");

        var ml = new MLContext(seed: 1);
        var view = ml.Data.LoadFromEnumerable(examples);
        foreach (var candidate in PurchaseModelCandidate.All)
        {
            started = Stopwatch.GetTimestamp();
            candidate.Fit(ml, view, explain: false);
            yield return new($"training part: fitting {candidate.Name}", Stopwatch.GetElapsedTime(started).TotalSeconds, "s");
        }
    }

    private static PurchasePredictor Predictor(PurchaseModelTraining training)
    {
        var predictor = new PurchasePredictor();
        var folder = Directory.CreateTempSubdirectory("crmbot-bench-models-");
        try
        {
            var store = new PurchaseModelStore(folder.FullName);
            store.Save(training, Now);
            var (file, model) = store.LoadLatest(predictor.Context)!.Value;
            predictor.Use(file, model);
            return predictor;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Microseconds of each call, after as many calls to warm up.</summary>
    private static Percentiles Latency(int count, Func<PurchaseScore?> score)
    {
        for (var i = 0; i < count; i++)
        {
            score();
        }

        var timings = new double[count];
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            score();
            timings[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }

        return Percentiles.Of(timings);
    }

    /// <summary>Every customer as the call plan sees them: most have a rep of their own, the rest are anyone's.</summary>
    private static List<CallCandidate> Candidates(List<CustomerHistory> histories, CustomerFeatures[] features, PurchaseScore[] scores, List<RepCapacity> reps)
    {
        var random = new Random(3);
        var shopAverage = features.Where(f => f.AverageOrderValue > 0).Select(f => (double)f.AverageOrderValue).DefaultIfEmpty(0).Average();
        return [.. histories.Select((h, i) => new CallCandidate(
            h.CustomerId,
            random.NextDouble() < 0.7 ? reps[random.Next(reps.Count)].RepId : null,
            scores[i].Probability * (features[i].AverageOrderValue > 0 ? features[i].AverageOrderValue : shopAverage)))];
    }
}
