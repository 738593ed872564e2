using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace CrmBot.Workflows;

/// <summary>
/// The sales workflows in force (<see cref="Current"/>), read at start and again whenever the workflows file changes.
/// A wrong rule is turned off and logged with its line; a file that cannot be read leaves the rules as they were. It
/// never stops the app.
/// </summary>
public sealed partial class WorkflowCatalog(
    IOptions<WorkflowsOptions> options, IHostEnvironment environment, TimeProvider clock, ILogger<WorkflowCatalog> logger)
    : IHostedService, IDisposable
{
    /// <summary>Editors save in several writes (truncate, write, rename): read once they are done.</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);

    private readonly Lock _reading = new();
    private PhysicalFileProvider? _files;
    private IDisposable? _watch;
    private ITimer? _debounce;
    private WorkflowSet? _current;

    /// <summary>The full path of the workflows file.</summary>
    public string FilePath { get; } = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.File));

    public WorkflowSet Current => _current ?? Reload();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Reload();
        var directory = Path.GetDirectoryName(FilePath)!;
        if (Directory.Exists(directory))
        {
            _files = new PhysicalFileProvider(directory);
            _debounce = clock.CreateTimer(_ => Reload(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _watch = ChangeToken.OnChange(
                () => _files.Watch(Path.GetFileName(FilePath)),
                () => _debounce.Change(Debounce, Timeout.InfiniteTimeSpan));
        }
        else
        {
            LogNotWatched(logger, directory);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Reads the file again now, logs what changed and what is wrong, and returns the rules in force.</summary>
    public WorkflowSet Reload()
    {
        lock (_reading)
        {
            var previous = _current;
            var next = WorkflowSet.Read(FilePath, previous?.FileRules);
            _current = next;
            Log(previous, next);
            return next;
        }
    }

    private void Log(WorkflowSet? previous, WorkflowSet next)
    {
        if (previous is not null)
        {
            var before = previous.Rules.ToDictionary(r => r.Name, r => r);
            foreach (var rule in next.Rules)
            {
                if (!before.Remove(rule.Name, out var old))
                {
                    LogRuleAdded(logger, rule.Name);
                }
                else if (old.Definition != rule.Definition || old.IsActive != rule.IsActive)
                {
                    LogRuleChanged(logger, rule.Name, rule.IsActive ? "on" : "off");
                }
            }

            foreach (var removed in before.Keys)
            {
                LogRuleRemoved(logger, removed);
            }
        }

        if (next.FileError is { } fileError)
        {
            LogFileError(logger, fileError.ToString());
        }

        foreach (var error in next.Rules.SelectMany(r => r.Errors))
        {
            LogRuleError(logger, error.Rule ?? "?", error.ToString());
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            var source = next.FileExists ? next.File : $"the shipped defaults ({next.File} does not exist)";
            var active = next.Active.Count();
            LogLoaded(logger, active, next.Rules.Count, source);
        }
    }

    public void Dispose()
    {
        _watch?.Dispose();
        _debounce?.Dispose();
        _files?.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sales workflows: {Active} of {Count} rules on, from {Source}")]
    private static partial void LogLoaded(ILogger logger, int active, int count, string source);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sales workflow rule {Rule} is off: {Error}")]
    private static partial void LogRuleError(ILogger logger, string rule, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The workflows file was not read, the rules stay as they were: {Error}")]
    private static partial void LogFileError(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sales workflow rule {Rule} added")]
    private static partial void LogRuleAdded(ILogger logger, string rule);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sales workflow rule {Rule} changed, now {State}")]
    private static partial void LogRuleChanged(ILogger logger, string rule, string state);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sales workflow rule {Rule} removed")]
    private static partial void LogRuleRemoved(ILogger logger, string rule);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The workflows file's folder {Directory} does not exist: changes are not watched")]
    private static partial void LogNotWatched(ILogger logger, string directory);
}
