using System.Text.Json;
using Microsoft.ML;

namespace CrmBot.Domain.Insights;

/// <summary>
/// Trained purchase models in a folder, one version per training: <c>purchase-&lt;version&gt;.json</c> (what it is and
/// how it did) and, unless the RFM baseline was kept, <c>purchase-&lt;version&gt;.zip</c> (the ML.NET model). The
/// newest complete version is the current one; the JSON is written last, so a half-written version is never read.
/// </summary>
public sealed class PurchaseModelStore(string folder)
{
    private const string Prefix = "purchase-";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Folder => folder;

    public PurchaseModelFile Save(PurchaseModelTraining training, DateTimeOffset trainedAt)
    {
        ArgumentNullException.ThrowIfNull(training);
        Directory.CreateDirectory(folder);
        var version = $"{trainedAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}";
        var file = new PurchaseModelFile(
            version,
            training.Algorithm,
            trainedAt,
            training.Cutoff,
            (int)training.Horizon.TotalDays,
            training.Examples,
            PurchaseModelCandidate.FeatureNames,
            training.Validation,
            training.Baseline,
            training.TooLittleHistory);
        if (training.Model is not null)
        {
            var ml = new MLContext();
            var schema = ml.Data.LoadFromEnumerable(Array.Empty<CustomerFeatures>()).Schema;
            ml.Model.Save(training.Model, schema, ModelPath(version));
        }

        var json = Path.Combine(folder, $"{Prefix}{version}.json");
        File.WriteAllText(json + ".tmp", JsonSerializer.Serialize(file, Json));
        File.Move(json + ".tmp", json, overwrite: true);
        return file;
    }

    /// <summary>The newest complete version's name, or null when none was saved yet.</summary>
    public string? LatestVersion() =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, $"{Prefix}*.json").Select(f => Path.GetFileNameWithoutExtension(f)[Prefix.Length..]).Order(StringComparer.Ordinal).LastOrDefault()
            : null;

    /// <summary>The newest version, with its ML.NET model (null for the baseline); null when none was trained yet.</summary>
    public (PurchaseModelFile File, ITransformer? Model)? LoadLatest(MLContext ml)
    {
        ArgumentNullException.ThrowIfNull(ml);
        if (LatestVersion() is not { } version)
        {
            return null;
        }

        var latest = Path.Combine(folder, $"{Prefix}{version}.json");

        var file = JsonSerializer.Deserialize<PurchaseModelFile>(File.ReadAllText(latest), Json)
            ?? throw new InvalidDataException($"{latest} is empty.");
        return (file, file.IsBaseline ? null : ml.Model.Load(ModelPath(file.Version), out _));
    }

    private string ModelPath(string version) => Path.Combine(folder, $"{Prefix}{version}.zip");
}
