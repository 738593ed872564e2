using CrmBot.Domain.Insights;
using CrmBot.Privacy;

namespace CrmBot.Insights;

/// <summary>
/// Keeps the newest trained purchase model in use: loads it at start, then looks for a newer version every few
/// minutes (the nightly training may run on another instance sharing the data folder).
/// </summary>
public sealed partial class PurchaseModelLoader(PurchaseModelService models, PurchasePredictor predictor, TimeProvider clock, ILogger<PurchaseModelLoader> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                if (models.LoadLatest())
                {
                    LogLoaded(logger, predictor.Current!.Version, predictor.Current.Algorithm);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception.Redacted());
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purchase model {Version} ({Algorithm}) is in use")]
    private static partial void LogLoaded(ILogger logger, string version, string algorithm);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not load the newest purchase model; the one in use stays")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
