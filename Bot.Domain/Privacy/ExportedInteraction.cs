using CrmBot.Domain.Interactions;

namespace CrmBot.Domain.Privacy;

public sealed record ExportedInteraction(Guid Id, InteractionKind Kind, DateTimeOffset OccurredAt, Guid? RepId, string? Outcome, string? Notes);
