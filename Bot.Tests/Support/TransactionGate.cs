using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmBot.Tests.Support;

/// <summary>
/// Makes races happen on purpose: once armed for N callers, the first N explicit transactions to start
/// wait until all N have arrived, so every caller has done its reads before any of them writes.
/// Later transactions (retries) pass straight through. Register it with <see cref="TestDatabase.CreateAsync(Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, CancellationToken, CrmBot.Domain.Persistence.DatabaseProvider)"/>.
/// </summary>
public sealed class TransactionGate : DbTransactionInterceptor
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(5);

    private readonly Lock _lock = new();
    private TaskCompletionSource? _allArrived;
    private int _expected;
    private int _arrived;

    /// <summary>How many callers were held at the gate before it opened.</summary>
    public int Held { get; private set; }

    public void Arm(int callers)
    {
        lock (_lock)
        {
            _expected = callers;
            _arrived = 0;
            Held = 0;
            _allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection,
        TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result,
        CancellationToken cancellationToken = default)
    {
        Task? wait = null;
        lock (_lock)
        {
            if (_allArrived is { } gate && _arrived < _expected)
            {
                _arrived++;
                Held++;
                if (_arrived == _expected)
                {
                    gate.TrySetResult();
                }

                wait = gate.Task;
            }
        }

        if (wait is not null)
        {
            // Never hang a test run: if the other caller never comes, let this one go on alone.
            await Task.WhenAny(wait, Task.Delay(MaxWait, cancellationToken));
        }

        return result;
    }
}
