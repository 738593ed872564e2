namespace CrmBot.Conversations;

/// <summary>What the user already said when asking to track: an order number, the email or phone on it.</summary>
public sealed record TrackOrderOptions(string? OrderNumber = null, string? Contact = null);
