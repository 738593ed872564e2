namespace CrmBot.Conversations;

/// <summary>What the user asked to see ("do you have mugs?") and which page of the catalogue.</summary>
public sealed record BrowseProductsOptions(string? Text = null, int Page = 1);
