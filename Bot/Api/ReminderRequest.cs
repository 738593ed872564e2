using System.ComponentModel.DataAnnotations;

namespace CrmBot.Api;

/// <summary>A reminder for a rep (by id) about the customer, due at a time with its offset.</summary>
public sealed record ReminderRequest(
    [property: Required] Guid? RepId,
    [property: Required, StringLength(1000)] string? Text,
    [property: Required] DateTimeOffset? DueAt);
