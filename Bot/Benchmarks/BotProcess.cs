using System.Collections.Concurrent;
using System.Diagnostics;
using CrmBot.Hosting;

namespace CrmBot.Benchmarks;

/// <summary>
/// CrmBot served by a process of its own (<c>dotnet CrmBot.dll</c>, the build the benchmark runs from) in Production on
/// a free port of 127.0.0.1, with the given settings, so that a benchmark can kill it as a crash would: no graceful
/// shutdown, no finally blocks, no Hangfire server saying goodbye.
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private const int KeptLines = 200;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(1);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _startLines = new();
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly TaskCompletionSource<Uri> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BotProcess(Process process) => _process = process;

    public Uri BaseAddress => _address.Task.Result;

    /// <summary>The last lines the process wrote once it listened (at Warning and above).</summary>
    public IReadOnlyCollection<string> Output => _lines;

    /// <summary>Starts it with <paramref name="settings"/> (configuration keys such as <c>Jobs:Enabled</c>, passed as environment variables) and waits until it listens.</summary>
    public static async Task<BotProcess> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken ct)
    {
        var app = typeof(BotProcess).Assembly.Location;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [app])
        {
            WorkingDirectory = Path.GetDirectoryName(app),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = Environments.Production;
        start.Environment["DOTNET_ENVIRONMENT"] = Environments.Production;
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var bot = new BotProcess(process);
        process.OutputDataReceived += (_, line) => bot.Read(line.Data);
        process.ErrorDataReceived += (_, line) => bot.Read(line.Data);
        process.Exited += (_, _) => bot._address.TrySetException(
            new InvalidOperationException($"CrmBot exited with code {process.ExitCode} before it listened:\n{string.Join('\n', bot._startLines)}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await bot._address.Task.WaitAsync(StartTimeout, ct);
            return bot;
        }
        catch
        {
            await bot.DisposeAsync();
            throw;
        }
    }

    /// <summary>Processor time and peak working set of the process so far; read them before it ends.</summary>
    public (TimeSpan ProcessorTime, long PeakWorkingSetBytes) Usage()
    {
        _process.Refresh();
        return (_process.TotalProcessorTime, _process.PeakWorkingSet64);
    }

    /// <summary>The process's working set at this moment (not its peak): what a test of flat memory samples over time.</summary>
    public long WorkingSetBytes()
    {
        _process.Refresh();
        return _process.WorkingSet64;
    }

    /// <summary>Ends the process at once (SIGKILL on Linux), as a crash or a pulled plug would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Read(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (StartupBanner.AddressIn(line) is { } address)
        {
            _address.TrySetResult(address);
            return;
        }

        var lines = _address.Task.IsCompleted ? _lines : _startLines;
        lines.Enqueue(line);
        while (lines.Count > KeptLines && lines.TryDequeue(out _))
        {
        }
    }
}
