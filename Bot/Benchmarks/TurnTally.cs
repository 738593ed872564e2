namespace CrmBot.Benchmarks;

/// <summary>
/// One bot at one number of conversations, summed over the rounds it ran: answered turns per second and their
/// latency (correct replies only), and the errors by step and kind.
/// </summary>
internal sealed class TurnTally(string bot, int conversations)
{
    private readonly List<double> _latencies = [];
    private readonly Dictionary<string, List<double>> _latenciesByStep = [];
    private readonly Dictionary<string, int> _errors = [];
    private TimeSpan _elapsed;
    private LoadCost _cost = new(TimeSpan.Zero, 0, TimeSpan.Zero);
    private long _requestBytes;
    private long _responseBytes;
    private int _turns;

    public string Label { get; } = $"{bot} at {conversations} conversations";

    public double TurnsPerSecond => _latencies.Count / _elapsed.TotalSeconds;

    public Percentiles Latency => Percentiles.Of(_latencies);

    public int Errors => _errors.Values.Sum();

    public IReadOnlyDictionary<string, int> ErrorsByKind => _errors;

    public double ProcessorMillisecondsPerTurn => _cost.ProcessorTime.TotalMilliseconds / _latencies.Count;

    public double MeanRequestBytes => _turns == 0 ? double.NaN : (double)_requestBytes / _turns;

    public void Add(LoadSample sample)
    {
        _elapsed += sample.Elapsed;
        _cost += sample.Cost;
        foreach (var turn in sample.Turns)
        {
            _turns++;
            _requestBytes += turn.RequestBytes;
            _responseBytes += turn.ResponseBytes;
            if (turn.Error is null)
            {
                _latencies.Add(turn.Milliseconds);
                if (turn.Step is { } step)
                {
                    (_latenciesByStep.TryGetValue(step, out var latencies) ? latencies : _latenciesByStep[step] = []).Add(turn.Milliseconds);
                }
            }
            else
            {
                _errors[turn.Error] = _errors.GetValueOrDefault(turn.Error) + 1;
            }
        }
    }

    /// <summary>The latency of each step of the script, to tell which kind of turn makes the tail.</summary>
    public IEnumerable<(string Step, Percentiles Latency)> LatencyByStep =>
        _latenciesByStep.Select(step => (step.Key, Percentiles.Of(step.Value)));

    public IEnumerable<BenchmarkFigure> Figures() =>
    [
        new($"{Label}: turns", TurnsPerSecond, "turns/s"),
        .. Latency.Figures($"{Label}: turn"),
        .. LatencyByStep.SelectMany(step => step.Latency.Figures($"{Label}: {step.Step} turn")),
        new($"{Label}: errors", Errors, "turns"),
        new($"{Label}: processor time per turn", ProcessorMillisecondsPerTurn, "ms"),
        new($"{Label}: allocated per turn", _cost.AllocatedBytes / 1024.0 / _latencies.Count, "KiB"),
        new($"{Label}: GC pauses", 100 * _cost.GcPauses / _elapsed, "% of the time"),
        new($"{Label}: mean response body", _turns == 0 ? double.NaN : (double)_responseBytes / _turns, "bytes"),
    ];
}
