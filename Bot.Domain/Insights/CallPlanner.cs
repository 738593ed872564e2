using Google.OrTools.LinearSolver;

namespace CrmBot.Domain.Insights;

/// <summary>A customer who may be called today: whose they are (null: anyone's) and what a call is worth.</summary>
public sealed record CallCandidate(Guid CustomerId, Guid? AssignedRepId, double ExpectedRevenue);

/// <summary>How many calls a rep makes in a day.</summary>
public sealed record RepCapacity(Guid RepId, int Calls);

/// <summary>
/// "Who should I call today?" for the whole team at once, as an integer program (Google OR-Tools, CBC): each rep
/// calls at most their capacity, each customer is called by at most one rep, their own rep or, when nobody is
/// assigned, anyone; the plan maximises the expected revenue of the calls (likelihood times expected order value).
/// </summary>
public static class CallPlanner
{
    public static IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> Plan(IReadOnlyList<CallCandidate> candidates, IReadOnlyList<RepCapacity> reps)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(reps);
        var totalCalls = reps.Sum(r => Math.Max(0, r.Calls));

        // A rep only ever needs their best `totalCalls` candidates: were a plan to give them a worse one, one of
        // those would be free (there are only totalCalls calls in all) and at least as good. This keeps the
        // program small however many customers the shop has.
        var options = reps.ToDictionary(
            r => r.RepId,
            r => candidates.Where(c => c.ExpectedRevenue > 0 && (c.AssignedRepId is null || c.AssignedRepId == r.RepId))
                .OrderByDescending(c => c.ExpectedRevenue)
                .Take(totalCalls)
                .ToList());

        using var solver = Solver.CreateSolver("CBC") ?? throw new InvalidOperationException("OR-Tools' CBC solver is not available.");
        solver.SuppressOutput();
        var calls = new List<(Guid Rep, CallCandidate Customer, Variable Call)>();
        foreach (var rep in reps)
        {
            var capacity = solver.MakeConstraint(0, Math.Max(0, rep.Calls), $"capacity {rep.RepId}");
            foreach (var customer in options[rep.RepId])
            {
                var call = solver.MakeBoolVar($"{rep.RepId} calls {customer.CustomerId}");
                capacity.SetCoefficient(call, 1);
                calls.Add((rep.RepId, customer, call));
            }
        }

        foreach (var customer in calls.GroupBy(c => c.Customer.CustomerId))
        {
            var once = solver.MakeConstraint(0, 1, $"once {customer.Key}");
            foreach (var (_, _, call) in customer)
            {
                once.SetCoefficient(call, 1);
            }
        }

        var objective = solver.Objective();
        foreach (var (_, customer, call) in calls)
        {
            objective.SetCoefficient(call, customer.ExpectedRevenue);
        }

        objective.SetMaximization();
        var status = solver.Solve();
        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
        {
            throw new InvalidOperationException($"The call plan could not be solved ({status}).");
        }

        return reps.ToDictionary(
            r => r.RepId,
            r => (IReadOnlyList<Guid>)[.. calls.Where(c => c.Rep == r.RepId && c.Call.SolutionValue() > 0.5)
                .OrderByDescending(c => c.Customer.ExpectedRevenue)
                .Select(c => c.Customer.CustomerId)]);
    }
}
