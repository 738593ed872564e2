using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CrmBot.Domain.Persistence;

/// <summary>
/// Lets this process's writers to the SQLite database take turns on an async lock. SQLite has one writer at a time; a
/// second one that finds the write lock taken is put to sleep by SQLite's busy handler, 1 ms, then 2, 5, 10 and more,
/// holding its thread all the while. A bot writes two or three times a turn (the activity id, the conversation state),
/// and under load hundreds of turns a second slept so (bench turns, 64 conversations: 285 sleeps a second). Here a
/// writer waits for the one before it without a thread, and goes on the moment it is done.
/// </summary>
/// <remarks>
/// <para>A write is a transaction, from its start to its end, or a statement run outside a transaction that is not a
/// query. A waiter gives up after the busy timeout and writes anyway, so that it is SQLite that decides, as it did
/// before, if something unforeseen holds the lock that long.</para>
/// <para>Another process that writes to the same file (a command run beside the server) still meets SQLite's busy
/// handler.</para>
/// </remarks>
internal sealed partial class SqliteWriteQueue(ILogger<SqliteWriteQueue> logger) : DbCommandInterceptor, IDbTransactionInterceptor, IDbConnectionInterceptor, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMilliseconds(SqlitePragmas.BusyTimeoutMilliseconds);

    private readonly SemaphoreSlim _turn = new(1, 1);

    // Set by the writer that holds the turn, and cleared by it: one writer at a time.
    private DbConnection? _writer;
    private DbTransaction? _transaction;
    private bool _forTransaction;

    /// <summary>No writer holds the turn.</summary>
    internal bool IsFree => _turn.CurrentCount == 1;

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Entered(command, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        EnteredAsync(command, result, cancellationToken);

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Entered(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        EnteredAsync(command, result, cancellationToken);

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Entered(command, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        EnteredAsync(command, result, cancellationToken);

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) => Left(command, result);

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Left(command, result));

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) => Left(command, result);

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Left(command, result));

    // A statement that returns rows (INSERT ... RETURNING) ends, and commits, when its reader is closed, which EF does
    // before it disposes of the reader.
    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result) =>
        Left(command, result);

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => LeaveStatement(command.Connection);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Left(command, Task.CompletedTask);

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => LeaveStatement(command.Connection);

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default) =>
        Left(command, Task.CompletedTask);

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        LeaveStatement(connection);
        Wait(connection, forTransaction: true);
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        LeaveStatement(connection);
        await WaitAsync(connection, forTransaction: true, cancellationToken);
        return result;
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        if (_writer == connection)
        {
            _transaction = result;
        }

        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(TransactionStarted(connection, eventData, result));

    // A finished transaction no longer knows its connection (Microsoft.Data.Sqlite clears it): it is known by itself.
    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => LeaveTransaction(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveTransaction(transaction);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => LeaveTransaction(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveTransaction(transaction);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => LeaveTransaction(transaction);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveTransaction(transaction);
        return Task.CompletedTask;
    }

    // A transaction disposed of without a commit or a rollback ends with its connection, which EF then closes.
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Leave(connection);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Leave(connection);
        return Task.CompletedTask;
    }

    private T Entered<T>(DbCommand command, T result)
    {
        if (Prepare(command))
        {
            Wait(command.Connection!, forTransaction: false);
        }

        return result;
    }

    private async ValueTask<T> EnteredAsync<T>(DbCommand command, T result, CancellationToken ct)
    {
        if (Prepare(command))
        {
            await WaitAsync(command.Connection!, forTransaction: false, ct);
        }

        return result;
    }

    private T Left<T>(DbCommand command, T result)
    {
        LeaveStatement(command.Connection);
        return result;
    }

    private void Wait(DbConnection connection, bool forTransaction)
    {
        if (_turn.Wait(Patience))
        {
            Hold(connection, forTransaction);
        }
        else
        {
            LogImpatient(logger, Patience.TotalSeconds);
        }
    }

    private async ValueTask WaitAsync(DbConnection connection, bool forTransaction, CancellationToken ct)
    {
        if (await _turn.WaitAsync(Patience, ct))
        {
            Hold(connection, forTransaction);
        }
        else
        {
            LogImpatient(logger, Patience.TotalSeconds);
        }
    }

    /// <summary>Whether the command must wait its turn. Its connection's earlier statement has ended by now.</summary>
    private bool Prepare(DbCommand command)
    {
        if (command.Transaction is not null || command.Connection is null)
        {
            return false;
        }

        Leave(command.Connection);
        return !IsQuery(command.CommandText);
    }

    private void Hold(DbConnection connection, bool forTransaction)
    {
        _writer = connection;
        _forTransaction = forTransaction;
        _transaction = null;
    }

    private void LeaveStatement(DbConnection? connection)
    {
        if (connection is not null && _writer == connection && !_forTransaction)
        {
            Release();
        }
    }

    private void LeaveTransaction(DbTransaction transaction)
    {
        if (_transaction == transaction)
        {
            Release();
        }
    }

    private void Leave(DbConnection connection)
    {
        if (_writer == connection)
        {
            Release();
        }
    }

    private void Release()
    {
        _writer = null;
        _transaction = null;
        _turn.Release();
    }

    /// <summary>A statement that reads only: a SELECT, after any comments EF puts before it (TagWith).</summary>
    private static bool IsQuery(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        while (text.StartsWith("--", StringComparison.Ordinal))
        {
            var end = text.IndexOf('\n');
            text = end < 0 ? [] : text[(end + 1)..].TrimStart();
        }

        return text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => _turn.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "A write to the SQLite database waited {Seconds} s for another of this process to end; it goes ahead and leaves it to SQLite")]
    private static partial void LogImpatient(ILogger logger, double seconds);
}
