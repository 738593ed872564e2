namespace CrmBot.Tests.Jobs;

/// <summary>A job that only tells the test that it ran, and with what.</summary>
public sealed class SignalJob
{
    private readonly TaskCompletionSource<string> _ran = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<string> Ran => _ran.Task;

    public void Run(string message) => _ran.TrySetResult(message);
}
