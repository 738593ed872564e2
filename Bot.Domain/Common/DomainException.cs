namespace CrmBot.Domain.Common;

/// <summary>A business rule was broken; the message is written for the person who asked.</summary>
/// <remarks>The code is stable so that channels can translate the message or map it to a status.</remarks>
public class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
