using System.CommandLine;

namespace CrmBot.Benchmarks;

internal static class BenchmarkOptions
{
    /// <summary>The option, refusing values below <paramref name="minimum"/> with a message that names it.</summary>
    public static Option<int> AtLeast(int minimum, Option<int> option)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < minimum)
            {
                result.AddError($"{option.Name} must be at least {minimum}.");
            }
        });
        return option;
    }
}
