namespace CrmBot.Domain.Import;

/// <summary>The CSV files of a shop's history: customers, their orders and, optionally, their interactions.</summary>
public sealed record ImportFiles(string Customers, string Orders, string? Interactions = null);
