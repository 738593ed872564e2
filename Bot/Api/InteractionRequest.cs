using System.ComponentModel.DataAnnotations;
using CrmBot.Domain.Interactions;

namespace CrmBot.Api;

/// <summary>A contact with the customer to record, by a rep (optional) with how it went.</summary>
public sealed record InteractionRequest(
    [property: Required] InteractionKind? Kind,
    Guid? RepId = null,
    [property: StringLength(200)] string? Outcome = null,
    [property: StringLength(4000)] string? Notes = null);
