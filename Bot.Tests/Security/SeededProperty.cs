using CsCheck;

namespace CrmBot.Tests.Security;

/// <summary>
/// Runs a CsCheck property on the same cases in every run: case i comes from the seed of PCG stream
/// <c>stream</c>, state i (Check.SampleAsync fixes only its first case with <c>seed</c> and draws the others at random).
/// A failing case is handed back to CsCheck, which shrinks from its seed and fails with the smallest case it finds and
/// that case's seed (replay it with <c>CsCheck_Seed</c> or <c>seed:</c>).
/// </summary>
internal static class SeededProperty
{
    private const long ShrinkIterations = 3000;

    public static async Task CheckAsync<T>(this Gen<T> gen, Func<T, Task> property, int cases, uint stream)
    {
        for (var i = 0; i < cases; i++)
        {
            var pcg = new PCG(stream, (ulong)i);
            var seed = pcg.ToString(pcg.State);
            try
            {
                await gen.SampleAsync(property, seed: seed, iter: 1, threads: 1, print: Print);
            }
            catch (CsCheckException)
            {
                await gen.SampleAsync(property, seed: seed, iter: ShrinkIterations, threads: 1, print: Print);
                throw; // CsCheck did not see it fail again: the first failure stands
            }
        }
    }

    private static string Print<T>(T value) => value?.ToString() ?? "null";
}
