namespace CrmBot.Benchmarks;

/// <summary>What a simulated visitor says (<paramref name="Step"/> names it in error reports) and how the one reply must begin.</summary>
internal sealed record ScriptedTurn(string Step, string Text, string ExpectedReply);
