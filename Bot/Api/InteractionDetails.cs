using CrmBot.Domain.Interactions;

namespace CrmBot.Api;

/// <summary>A contact with a customer: a call, a chat, an email or a note.</summary>
public sealed record InteractionDetails(Guid Id, Guid CustomerId, Guid? RepId, InteractionKind Kind, DateTimeOffset OccurredAt, string? Outcome, string? Notes)
{
    public static InteractionDetails Of(Interaction interaction) => new(
        interaction.Id, interaction.CustomerId, interaction.RepId, interaction.Kind, interaction.OccurredAt, interaction.Outcome, interaction.Notes);
}
