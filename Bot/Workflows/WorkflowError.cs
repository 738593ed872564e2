namespace CrmBot.Workflows;

/// <summary>
/// Something wrong in a workflows file: where (file, line, the rule and the field in it, as a path such as
/// actions[0].template) and what.
/// </summary>
public sealed record WorkflowError(string File, int Line, string? Rule, string? Field, string Message)
{
    /// <summary>The column, for text that is not JSON at all.</summary>
    public int? Position { get; init; }

    public override string ToString()
    {
        var where = Position is { } position ? $"{File} line {Line}, position {position}" : $"{File} line {Line}";
        var what = (Rule, Field) switch
        {
            (not null, not null) => $"rule '{Rule}', {Field}: ",
            (not null, null) => $"rule '{Rule}': ",
            (null, not null) => $"{Field}: ",
            _ => string.Empty,
        };
        return $"{where}: {what}{Message}";
    }
}
