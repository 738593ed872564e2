using System.Text;

namespace CrmBot.Privacy;

/// <summary>
/// An exception as logs may show it: the original's type and stack trace, with emails and phone numbers masked in its
/// message and its inner exceptions' (a <see cref="Domain.Common.DomainException"/> often quotes what the user typed).
/// Redaction only reaches classified log parameters, never an exception's text: so log <c>exception.Redacted()</c>.
/// </summary>
public sealed class RedactedException : Exception
{
    private readonly string? _stackTrace;

    public RedactedException()
    {
        OriginalType = nameof(Exception);
    }

    public RedactedException(string message)
        : base(PersonalDataMask.Mask(message))
    {
        OriginalType = nameof(Exception);
    }

    public RedactedException(string message, Exception innerException)
        : base(PersonalDataMask.Mask(message), Of(innerException))
    {
        OriginalType = nameof(Exception);
    }

    private RedactedException(Exception original)
        : base(PersonalDataMask.Mask(original.Message), original.InnerException is { } inner ? Of(inner) : null)
    {
        OriginalType = original.GetType().FullName ?? original.GetType().Name;
        _stackTrace = original.StackTrace;
        HResult = original.HResult;
    }

    /// <summary>The full name of the type of the exception this stands for.</summary>
    public string OriginalType { get; }

    public override string? StackTrace => _stackTrace ?? base.StackTrace;

    public static RedactedException Of(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception as RedactedException ?? new RedactedException(exception);
    }

    /// <summary>Like <see cref="Exception.ToString"/>, under the original type's name.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(OriginalType).Append(": ").Append(Message);
        if (InnerException is { } inner)
        {
            text.Append(" ---> ").Append(inner).AppendLine().Append("   --- End of inner exception stack trace ---");
        }

        if (StackTrace is { } trace)
        {
            text.AppendLine().Append(trace);
        }

        return text.ToString();
    }
}
