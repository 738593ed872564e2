namespace CrmBot.Import;

/// <summary>
/// Reports progress on the caller's thread, at once. <see cref="Progress{T}"/> would post each report to the thread
/// pool, where it could land after the progress bar has finished.
/// </summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
