namespace CrmBot.Proactive;

/// <summary>How a job works through everything due: a batch at a time until none is left.</summary>
public static class DueBatches
{
    public const int Size = 500;

    /// <summary>
    /// Reads the due items (a query that leaves out settled messages, so handled items drop out of it) and handles
    /// each; items left waiting stay due, so the next read skips past them. Returns how many were sent.
    /// </summary>
    public static async Task<int> SendAllAsync<T>(
        Func<int, CancellationToken, Task<List<T>>> readDue, Func<T, CancellationToken, Task<SendResult>> send, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(readDue);
        ArgumentNullException.ThrowIfNull(send);
        var (sent, waiting) = (0, 0);
        for (var batch = await readDue(waiting, ct); batch.Count > 0; batch = await readDue(waiting, ct))
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
