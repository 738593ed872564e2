namespace CrmBot.Benchmarks;

/// <summary>An order of the demo shop and the email on it: what an anonymous visitor needs to track it.</summary>
internal sealed record TrackableOrder(string Number, string Email);
