using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmBot.Tests.Privacy;

/// <summary>Once armed, fails the first database command whose SQL contains the given text, as a crash there would.</summary>
internal sealed class FailingCommand : DbCommandInterceptor
{
    private string? _sql;

    public void Arm(string sql) => _sql = sql;

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (_sql is { } sql && command.CommandText.Contains(sql, StringComparison.Ordinal))
        {
            _sql = null;
            throw new InvalidOperationException($"Injected failure at: {sql}");
        }

        return ValueTask.FromResult(result);
    }
}
