using System.ComponentModel.DataAnnotations;

namespace CrmBot.Api;

/// <summary>Why an order is cancelled (kept in its timeline).</summary>
public sealed record CancellationRequest([property: Required, StringLength(500)] string? Reason);
