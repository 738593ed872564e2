namespace CrmBot.Dialogs;

/// <summary>
/// The dialog context a waterfall step runs in, with the waterfall's options and values and the result of the
/// previous step. Begin, prompt and end work on the waterfall's own stack.
/// </summary>
public sealed class WaterfallStepContext : DialogContext
{
    private readonly WaterfallDialog _waterfall;
    private bool _nextCalled;

    internal WaterfallStepContext(
        WaterfallDialog waterfall, DialogContext dc, object? options, IDictionary<string, object?> values, int index, DialogReason reason, object? result)
        : base(dc.Dialogs, dc.Context, dc.State)
    {
        _waterfall = waterfall;
        Parent = dc.Parent;
        Options = options;
        Values = values;
        Index = index;
        Reason = reason;
        Result = result;
    }

    public int Index { get; }

    /// <summary>What the waterfall was begun with; after a turn in storage it may be a JObject: see <see cref="GetOptions{T}"/>.</summary>
    public object? Options { get; }

    /// <summary>Values the steps keep for each other, saved with the conversation. Read them with <see cref="DialogStateExtensions.GetValue{T}"/>.</summary>
    public IDictionary<string, object?> Values { get; }

    public DialogReason Reason { get; }

    /// <summary>The result of the previous step, or of the prompt or dialog it began.</summary>
    public object? Result { get; }

    public T? GetOptions<T>() => Options switch
    {
        null => default,
        T options => options,
        var stored => DialogStateExtensions.ConvertTo<T>(stored, "options"),
    };

    /// <summary>Skips to the next step with <paramref name="result"/> as its result, without waiting for the user.</summary>
    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        if (_nextCalled)
        {
            throw new InvalidOperationException($"NextAsync was already called in step {Index} of '{_waterfall.Id}'.");
        }

        _nextCalled = true;
        return _waterfall.NextStepAsync(this, result, cancellationToken);
    }
}
