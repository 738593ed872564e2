using System.Runtime.CompilerServices;
using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CrmBot.State;

/// <summary>
/// The UPDATE that saves a state item, as SQL written once per EF model from the model's own table and column names
/// and value converters. A LINQ <c>ExecuteUpdate</c> is rebuilt, hashed and looked up in EF's query cache on every run
/// (about 4% of a crm turn over HTTP, perf), and EF cannot compile one (dotnet/efcore#28722).
/// </summary>
internal sealed class StoredStateUpdate
{
    private static readonly ConditionalWeakTable<IModel, StoredStateUpdate> ByModel = [];

    private readonly string _overwrite;
    private readonly string _ifUnchanged;
    private readonly Func<DateTimeOffset, object?> _moment;

    private StoredStateUpdate(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(StoredState))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        var update = $"UPDATE {sql.DelimitIdentifier(table.Name, table.Schema)} SET {Column(nameof(StoredState.Json))} = {{0}}, " +
            $"{Column(nameof(StoredState.ETag))} = {{1}}, {Column(nameof(StoredState.UpdatedAt))} = {{2}} WHERE {Column(nameof(StoredState.Key))} = {{3}}";
        _overwrite = update;
        _ifUnchanged = $"{update} AND {Column(nameof(StoredState.ETag))} = {{4}}";
        var converter = entity.FindProperty(nameof(StoredState.UpdatedAt))!.GetTypeMapping().Converter;
        _moment = converter is null ? moment => moment : moment => converter.ConvertToProvider(moment);
    }

    /// <summary>
    /// Writes the item's JSON under <paramref name="key"/> with a new eTag if the stored eTag is still
    /// <paramref name="expected"/>, or whatever it is when <paramref name="expected"/> is "*". Returns the rows written.
    /// </summary>
    public static Task<int> RunAsync(
        CrmDbContext db, string key, string expected, string json, string eTag, DateTimeOffset now, CancellationToken ct)
    {
        var update = ByModel.TryGetValue(db.Model, out var built) ? built : ByModel.GetValue(db.Model, _ => new StoredStateUpdate(db));
        var moment = update._moment(now)!;
        return expected == "*"
            ? db.Database.ExecuteSqlRawAsync(update._overwrite, [json, eTag, moment, key], ct)
            : db.Database.ExecuteSqlRawAsync(update._ifUnchanged, [json, eTag, moment, key, expected], ct);
    }
}
