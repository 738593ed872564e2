using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmBot.Domain.Insights;

/// <summary>
/// The purchase model in the running app: trains a new version from the database and puts it in use, loads the
/// newest saved one at start, scores a customer as of now, and has every customer's score stored after a training.
/// </summary>
public sealed class PurchaseModelService(
    IDbContextFactory<CrmDbContext> contexts,
    PurchasePredictor predictor,
    CustomerScoring scoring,
    IOptions<PurchaseModelOptions> options,
    IOptions<DatabaseOptions> database,
    TimeProvider clock)
{
    public PurchaseModelStore Store { get; } = new(Path.Combine(database.Value.DataDirectory, "models"));

    /// <summary>Trains on everything known up to <paramref name="asOf"/> (now by default), saves the version and uses it.</summary>
    public async Task<PurchaseModelFile> TrainAsync(DateTimeOffset? asOf = null, CancellationToken ct = default)
    {
        var histories = await HistoriesAsync(ct);
        var training = new PurchaseModelTrainer(options.Value).Train(histories, asOf ?? clock.GetUtcNow());
        var file = Store.Save(training, clock.GetUtcNow());
        predictor.Use(file, training.Model);
        return file;
    }

    /// <summary>The nightly job: a new version trained on everything known now, then every customer scored with it.</summary>
    public async Task<ScoringRun> RetrainAsync(CancellationToken ct)
    {
        await TrainAsync(null, ct);
        return await scoring.ScoreAllAsync(ct);
    }

    /// <summary>Every customer scored with the newest saved version, which a job may have to load first (it can run before the loader has).</summary>
    public Task<ScoringRun> RescoreAsync(CancellationToken ct)
    {
        LoadLatest();
        return scoring.ScoreAllAsync(ct);
    }

    /// <summary>Puts the newest saved version in use when it is not the one in use already (another instance may have trained it).</summary>
    public bool LoadLatest()
    {
        if (Store.LatestVersion() == predictor.Current?.Version || Store.LoadLatest(predictor.Context) is not { } latest)
        {
            return false;
        }

        predictor.Use(latest.File, latest.Model);
        return true;
    }

    /// <summary>The customer's score now, or null for an unknown customer or before any model exists.</summary>
    public async Task<PurchaseScore?> ScoreAsync(Guid customerId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var history = await new CustomerHistoryQuery(db).OfAsync(customerId, ct);
        return history is null ? null : predictor.Score(CustomerFeatureExtractor.At(history, clock.GetUtcNow()));
    }

    public async Task<IReadOnlyList<CustomerHistory>> HistoriesAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await new CustomerHistoryQuery(db).AllAsync(ct);
    }
}
