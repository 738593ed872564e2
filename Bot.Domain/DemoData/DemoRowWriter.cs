using System.Collections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CrmBot.Domain.DemoData;

/// <summary>
/// Inserts new aggregates (an order with its lines, payments, shipments, refunds and history) with one
/// prepared INSERT per table, reading columns, value converters, complex properties and the parent's key
/// for shadow foreign keys from EF's model, so the rows are exactly what SaveChanges would write.
/// </summary>
/// <remarks>
/// SaveChanges on SQLite sends one command per row, with change tracking around each; for the demo shop's
/// ~30,000 rows that took about ten seconds on two cores. Owned types (table splitting) are not handled:
/// save those entities with SaveChanges. Runs inside the caller's transaction.
/// </remarks>
internal static class DemoRowWriter
{
    public static async Task InsertAsync<TEntity>(DbContext db, IEnumerable<TEntity> entities, CancellationToken ct)
        where TEntity : class
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Rows are written inside the caller's transaction; begin one first.");
        var entityType = db.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not part of the model.");

        // Parents come before their parts, so foreign keys hold at every insert.
        var tables = new List<(IEntityType Type, List<Row> Rows)>();
        Collect(entityType, entities.Select(e => new Row(e, null, null)).ToList(), tables);

        var sql = db.GetService<ISqlGenerationHelper>();
        foreach (var (type, rows) in tables)
        {
            if (rows.Count == 0)
            {
                continue;
            }

            var table = StoreObjectIdentifier.Table(
                type.GetTableName() ?? throw new InvalidOperationException($"{type.ClrType.Name} is not mapped to a table."),
                type.GetSchema());
            var columns = Columns(type, table);
            var names = columns.Select((_, i) => sql.GenerateParameterName(FormattableString.Invariant($"p{i}"))).ToArray();

            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction;
            command.CommandText =
                $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} " +
                $"({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) VALUES ({string.Join(", ", names)})";
            foreach (var row in rows)
            {
                command.Parameters.Clear();
                for (var i = 0; i < columns.Count; i++)
                {
                    var column = columns[i];
                    command.Parameters.Add(column.Mapping.CreateParameter(command, names[i], row.ValueOf(column.Property), column.Property.IsNullable));
                }

                await command.ExecuteNonQueryAsync(ct);
            }
        }
    }

    /// <summary>The rows of <paramref name="type"/>, then, depth first, those of the collections it owns.</summary>
    private static void Collect(IEntityType type, List<Row> rows, List<(IEntityType Type, List<Row> Rows)> tables)
    {
        tables.Add((type, rows));
        foreach (var navigation in type.GetNavigations())
        {
            if (navigation.TargetEntityType.IsOwned())
            {
                throw new InvalidOperationException($"{type.ClrType.Name} owns {navigation.Name}; save it with SaveChanges.");
            }

            if (!navigation.IsCollection || navigation.IsOnDependent)
            {
                continue;
            }

            var foreignKey = navigation.ForeignKey;
            var parts = new List<Row>();
            foreach (var row in rows)
            {
                var key = foreignKey.PrincipalKey.Properties.Select(p => p.GetGetter().GetClrValueUsingContainingEntity(row.Entity)).ToArray();
                if (navigation.GetGetter().GetClrValueUsingContainingEntity(row.Entity) is IEnumerable items)
                {
                    foreach (var item in items)
                    {
                        parts.Add(new Row(item, foreignKey, key));
                    }
                }
            }

            Collect(navigation.TargetEntityType, parts, tables);
        }
    }

    private static List<Column> Columns(IEntityType type, StoreObjectIdentifier table) =>
        type.GetProperties()
            .Concat(type.GetComplexProperties().SelectMany(c => c.ComplexType.GetProperties()))
            .Select(p => new Column(
                p.GetColumnName(table) ?? throw new InvalidOperationException($"{p.Name} has no column in {table.Name}."),
                p,
                p.GetRelationalTypeMapping()))
            .ToList();

    private sealed record Column(string Name, IProperty Property, RelationalTypeMapping Mapping);

    /// <summary>An entity to insert and, for a part of an aggregate, the foreign key to its parent and the parent's key.</summary>
    private sealed record Row(object Entity, IForeignKey? Parent, object?[]? ParentKey)
    {
        public object? ValueOf(IProperty property)
        {
            if (Parent is not null)
            {
                for (var i = 0; i < Parent.Properties.Count; i++)
                {
                    if (Parent.Properties[i] == property)
                    {
                        return ParentKey![i];
                    }
                }
            }

            return property.IsShadowProperty()
                ? throw new InvalidOperationException($"{property.DeclaringType.DisplayName()}.{property.Name} is a shadow property the writer cannot fill.")
                : property.GetGetter().GetClrValueUsingContainingEntity(Entity);
        }
    }
}
