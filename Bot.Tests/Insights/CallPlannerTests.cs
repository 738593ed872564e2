using CrmBot.Domain.Insights;

namespace CrmBot.Tests.Insights;

public sealed class CallPlannerTests
{
    private static readonly Guid Li = Guid.NewGuid();
    private static readonly Guid Zhou = Guid.NewGuid();

    [Fact]
    public void EachRepCallsTheirOwnOrUnassignedCustomersWithinTheirCapacity()
    {
        var customers = Enumerable.Range(0, 20)
            .Select(i => new CallCandidate(Guid.NewGuid(), (i % 3) switch { 0 => Li, 1 => Zhou, _ => null }, 100 - i))
            .ToList();

        var plan = CallPlanner.Plan(customers, [new RepCapacity(Li, 4), new RepCapacity(Zhou, 2)]);

        Assert.Equal(4, plan[Li].Count);
        Assert.Equal(2, plan[Zhou].Count);
        var owner = customers.ToDictionary(c => c.CustomerId, c => c.AssignedRepId);
        Assert.All(plan[Li], c => Assert.True(owner[c] is null || owner[c] == Li));
        Assert.All(plan[Zhou], c => Assert.True(owner[c] is null || owner[c] == Zhou));
        Assert.Empty(plan[Li].Intersect(plan[Zhou]));
    }

    [Fact]
    public void AnUnassignedCustomerGoesToTheRepWhoHasNoBetterCall()
    {
        // Greedy would give Li the shared 90 and leave Zhou with nothing; the plan gives it to Zhou.
        var shared = new CallCandidate(Guid.NewGuid(), null, 90);
        var lisOwn = new CallCandidate(Guid.NewGuid(), Li, 80);

        var plan = CallPlanner.Plan([shared, lisOwn], [new RepCapacity(Li, 1), new RepCapacity(Zhou, 1)]);

        Assert.Equal([lisOwn.CustomerId], plan[Li]);
        Assert.Equal([shared.CustomerId], plan[Zhou]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void ThePlanIsOptimalOnSmallCasesCheckedByBruteForce(int seed)
    {
        var random = new Random(seed);
        Guid[] reps = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
        var capacities = reps.Select(r => new RepCapacity(r, random.Next(0, 3))).ToList();
        var customers = Enumerable.Range(0, 7)
            .Select(_ => new CallCandidate(Guid.NewGuid(), random.Next(4) == 3 ? null : reps[random.Next(3)], random.Next(1, 100)))
            .ToList();

        var plan = CallPlanner.Plan(customers, capacities);

        var value = customers.ToDictionary(c => c.CustomerId, c => c.ExpectedRevenue);
        Assert.Equal(BestByBruteForce(customers, capacities), plan.Values.SelectMany(calls => calls).Sum(c => value[c]));
        Assert.All(capacities, rep => Assert.True(plan[rep.RepId].Count <= rep.Calls));
    }

    /// <summary>Tries every way of giving each customer to nobody or to one rep allowed to call them.</summary>
    private static double BestByBruteForce(List<CallCandidate> customers, List<RepCapacity> reps)
    {
        double Best(int index, int[] used)
        {
            if (index == customers.Count)
            {
                return 0;
            }

            var customer = customers[index];
            var best = Best(index + 1, used);
            for (var r = 0; r < reps.Count; r++)
            {
                if (used[r] < reps[r].Calls && (customer.AssignedRepId is null || customer.AssignedRepId == reps[r].RepId))
                {
                    used[r]++;
                    best = Math.Max(best, customer.ExpectedRevenue + Best(index + 1, used));
                    used[r]--;
                }
            }

            return best;
        }

        return Best(0, new int[reps.Count]);
    }
}
