namespace CrmBot.Proactive;

/// <summary>How a job works through everything due: a batch at a time until none is left.</summary>
public static class DueBatches
{
    public const int Size = 500;

    /// <summary>
    /// Reads the due items as of now, skipping the first ones (a query that leaves out settled messages, so handled
    /// items drop out of it), and handles each; items left waiting stay due, so the next read skips past them. Each
    /// read looks at the clock again: a long run also picks up what fell due meanwhile, such as a web chat claim that
    /// a stopped instance left (free again after a few seconds). Returns how many were sent.
    /// </summary>
    public static async Task<int> SendAllAsync<T>(
        TimeProvider clock,
        Func<DateTimeOffset, int, CancellationToken, Task<List<T>>> readDue,
        Func<T, CancellationToken, Task<SendResult>> send,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(readDue);
        ArgumentNullException.ThrowIfNull(send);
        var (sent, waiting) = (0, 0);
        for (var batch = await readDue(clock.GetUtcNow(), waiting, ct); batch.Count > 0; batch = await readDue(clock.GetUtcNow(), waiting, ct))
        {
            foreach (var item in batch)
            {
                switch (await send(item, ct))
                {
                    case SendResult.Sent:
                        sent++;
                        break;
                    case SendResult.Waiting:
                        waiting++;
                        break;
                }
            }
        }

        return sent;
    }
}
