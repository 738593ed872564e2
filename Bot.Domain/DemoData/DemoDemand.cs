using Bogus;
using CrmBot.Domain.Interactions;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Reminders;
using CrmBot.Domain.SalesReps;

namespace CrmBot.Domain.DemoData;

/// <summary>
/// Decides when each demo customer orders and what: a daily chance from their habit and the season,
/// much higher for two weeks after a good call with their rep, low again right after an order, and
/// nothing once they have churned. The rep's calls, emails and notes that drive this are recorded
/// as interactions, so the history holds the signals a purchase-likelihood model should find.
/// </summary>
internal sealed class DemoDemand(Randomizer random, DemoWording wording, DateTimeOffset start, DateTimeOffset now)
{
    private static readonly ILookup<DemoCatalog.Aisle, DemoCatalog.Item> ByAisle = DemoCatalog.Items.ToLookup(i => i.Aisle);
    private static readonly DemoCatalog.Aisle[] Aisles = Enum.GetValues<DemoCatalog.Aisle>();
    private static readonly float[] AisleWeights = [2f, 4f, 2f, 2f, 1f];
    private static readonly int[] Hours = [8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23];
    private static readonly float[] HourWeights = [1f, 2f, 3f, 3f, 4f, 3f, 3f, 3f, 3f, 3f, 3f, 4f, 6f, 7f, 5f, 2f];
    private static readonly int[] LineCounts = [1, 2, 3, 4];
    private static readonly float[] LineCountWeights = [50f, 30f, 14f, 6f];
    private static readonly int[] Quantities = [1, 2, 3];
    private static readonly float[] TeaQuantityWeights = [60f, 30f, 10f];
    private static readonly float[] QuantityWeights = [80f, 15f, 5f];

    private readonly Dictionary<string, TimeZoneInfo> _zones = [];

    public List<DemoOrderPlan> Plans { get; } = [];

    public List<Interaction> Interactions { get; } = [];

    /// <summary>Follow-ups reps set themselves after a quote was asked for.</summary>
    public List<Reminder> Reminders { get; } = [];

    public void Plan(DemoShopper shopper)
    {
        if (shopper.Rep is { } rep)
        {
            RepContacts(shopper, rep);
        }

        Orders(shopper);
    }

    /// <summary>A few orders from the last day or three that are still open, in each open status.</summary>
    public void PlanOpenOrders(IReadOnlyList<DemoShopper> shoppers)
    {
        var regulars = shoppers
            .Where(s => s.Kind != DemoShopper.Habit.Browser && !s.HasChurned(now) && s.Customer.CreatedAt < now.AddDays(-10))
            .ToList();
        (OrderStatus Status, int FromMinutes, int ToMinutes)[] open =
        [
            (OrderStatus.Draft, 20, 20 * 60),
            (OrderStatus.Placed, 30, 30 * 60),
            (OrderStatus.Paid, 60, 30 * 60),
            (OrderStatus.Shipped, 30 * 60, 70 * 60),
        ];
        foreach (var (status, from, to) in open)
        {
            for (var i = 0; i < 3; i++)
            {
                var shopper = random.ListItem(regulars);
                var at = now.AddSeconds(-random.Int(from * 60, to * 60));
                var byRep = shopper.Rep is not null && random.Chance(0.3);
                Plans.Add(new DemoOrderPlan(shopper, at, Lines(shopper, DemoCalendar.ChinaDate(at)), byRep, StopsAt: status));
            }
        }
    }

    private void Orders(DemoShopper shopper)
    {
        var customer = shopper.Customer;
        var last = DateTimeOffset.MinValue;
        if (shopper.OrdersPerYear == 0)
        {
            // Browsers sometimes fill a cart when they sign up and leave it.
            if (random.Chance(0.4) && customer.CreatedAt >= start)
            {
                var at = customer.CreatedAt.AddMinutes(random.Int(5, 60));
                if (at <= now)
                {
                    Plans.Add(new DemoOrderPlan(shopper, at, Lines(shopper, DemoCalendar.ChinaDate(at)), ByRep: false, Abandoned: true));
                }
            }

            return;
        }

        // Most people sign up at their first checkout.
        if (customer.CreatedAt >= start && random.Chance(0.75))
        {
            var at = customer.CreatedAt.AddMinutes(random.Int(5, 40));
            if (at <= now)
            {
                Plans.Add(new DemoOrderPlan(shopper, at, Lines(shopper, DemoCalendar.ChinaDate(at)), ByRep: false));
                last = at;
            }
        }

        var perDay = shopper.OrdersPerYear / 365.0;
        var first = DemoCalendar.LocalDate(customer.CreatedAt > start ? customer.CreatedAt : start, shopper.Zone).AddDays(1);
        var today = DemoCalendar.LocalDate(now, shopper.Zone);
        for (var date = first; date <= today; date = date.AddDays(1))
        {
            var noon = DemoCalendar.At(date, TimeSpan.FromHours(12), shopper.Zone);
            if (shopper.HasChurned(noon))
            {
                break;
            }

            var chance = perDay * DemoCalendar.Demand(date, shopper.International, shopper.IsCorporate);
            if (shopper.IsInterested(noon))
            {
                chance *= 4;
            }

            if (noon - last < TimeSpan.FromDays(7))
            {
                chance *= 0.15;
            }

            if (!random.Chance(chance))
            {
                continue;
            }

            var time = new TimeSpan(random.Pick(Hours, HourWeights), random.Int(0, 59), random.Int(0, 59));
            var at = DemoCalendar.At(date, time, shopper.Zone);
            if (at <= now && at > customer.CreatedAt)
            {
                Plans.Add(new DemoOrderPlan(shopper, at, Lines(shopper, date), ByRep: shopper.Rep is not null && random.Chance(0.15)));
                last = at;
            }
        }
    }

    private void RepContacts(DemoShopper shopper, SalesRep rep)
    {
        var zone = Zone(rep);
        var meanGapDays = shopper.Kind switch
        {
            DemoShopper.Habit.Loyal => 40,
            DemoShopper.Habit.Corporate => 35,
            DemoShopper.Habit.Regular => 70,
            DemoShopper.Habit.Occasional => 110,
            _ => 60,
        };

        // Customer.UpdatedAt is when the rep was assigned.
        var at = OfficeTime(shopper.Customer.UpdatedAt.AddDays(random.Int(1, 8)), zone);
        var welcome = true;
        while (at <= now)
        {
            if (at >= start)
            {
                Contact(shopper, rep, at, welcome);
            }

            welcome = false;
            var gap = Math.Max(7, random.Exponential(meanGapDays));
            at = OfficeTime(at.AddDays(gap), zone);
        }

        var noteAt = OfficeTime(shopper.Customer.UpdatedAt.AddDays(random.Int(5, 60)), zone);
        if (random.Chance(0.35) && noteAt <= now && noteAt >= start)
        {
            Interactions.Add(new Interaction(shopper.Customer.Id, rep.Id, InteractionKind.Note, noteAt, null, NoteAbout(shopper)));
        }
    }

    private void Contact(DemoShopper shopper, SalesRep rep, DateTimeOffset at, bool welcome)
    {
        var kind = welcome
            ? InteractionKind.Call
            : random.Pick([InteractionKind.Call, InteractionKind.Email, InteractionKind.Chat], [55f, 30f, 15f]);
        string outcome;
        if (shopper.HasChurned(at))
        {
            outcome = random.Pick(["no answer", "not interested", "reached"], [45f, 30f, 25f]);
        }
        else if (welcome)
        {
            outcome = random.Pick(["reached", "no answer", "left voicemail"], [60f, 30f, 10f]);
        }
        else
        {
            outcome = random.Pick(
                ["reached", "wants a quote", "interested", "no answer", "left voicemail"],
                [35f, shopper.IsCorporate ? 30f : 8f, 15f, 25f, 15f]);
        }

        var item = PickItem(shopper.Favourite, DemoCalendar.ChinaDate(at));
        var notes = (outcome, shopper.HasChurned(at)) switch
        {
            ("reached", false) when welcome => wording.WelcomeCall,
            ("reached", false) => random.ArrayElement(wording.CheckIns(item)),
            ("reached", true) => random.ArrayElement(wording.Churned),
            ("not interested", _) => random.ArrayElement(wording.NotInterested),
            ("wants a quote", _) when shopper.IsCorporate => wording.CorporateQuote(5 * random.Int(4, 20)),
            ("wants a quote", _) => wording.GiftQuote(item),
            ("interested", _) => wording.Interested(item),
            ("left voicemail", _) => wording.Voicemail,
            _ => null,
        };
        if (kind != InteractionKind.Call && outcome == "left voicemail")
        {
            notes = null;
        }

        outcome = (kind, outcome) switch
        {
            (InteractionKind.Email, "reached") => "replied",
            (InteractionKind.Email or InteractionKind.Chat, "no answer" or "left voicemail") => "no reply",
            _ => outcome,
        };

        Interactions.Add(new Interaction(shopper.Customer.Id, rep.Id, kind, at, outcome, notes));

        if (outcome is "interested" or "wants a quote")
        {
            shopper.Interested.Add((at, at.AddDays(14)));
            var orderAt = OfficeTime(at.AddDays(random.Int(1, 6)), Zone(rep));
            if (random.Chance(outcome == "wants a quote" ? 0.75 : 0.35) && orderAt <= now && !shopper.HasChurned(orderAt))
            {
                Plans.Add(new DemoOrderPlan(shopper, orderAt, Lines(shopper, DemoCalendar.ChinaDate(orderAt)), ByRep: true));
            }
        }

        if (outcome == "wants a quote")
        {
            var due = OfficeTime(at.AddDays(1), Zone(rep));
            var reminder = new Reminder(rep.Id, wording.SendQuote(shopper.Customer.Name), due, at, shopper.Customer.Id);
            var done = due.AddHours(random.Int(1, 6));
            if (done <= now)
            {
                reminder.Complete(done);
            }

            Reminders.Add(reminder);
        }
    }

    private string NoteAbout(DemoShopper shopper) => shopper.Kind switch
    {
        DemoShopper.Habit.Corporate => wording.CorporateNote,
        _ => shopper.Favourite switch
        {
            DemoCatalog.Aisle.Teas => random.ArrayElement(wording.TeaNotes),
            DemoCatalog.Aisle.Teaware => wording.TeawareNote,
            DemoCatalog.Aisle.Mugs => wording.MugsNote,
            DemoCatalog.Aisle.Stationery => wording.StationeryNote,
            _ => wording.GiftsNote,
        },
    };

    /// <summary>What goes into one order, picked with the customer's taste and the season in mind.</summary>
    internal List<(DemoCatalog.Item Item, int Quantity)> Lines(DemoShopper shopper, DateOnly date)
    {
        if (shopper.IsCorporate)
        {
            var gift = DemoCalendar.SeasonWeight(DemoCatalog.Season.SpringFestival, date) > 1 ? Item("GIFT-NEWYEAR")
                : DemoCalendar.IsMidAutumnSeason(date) ? Item("GIFT-MIDAUTUMN")
                : Item(random.ListItem(DemoCatalog.CorporateGifts.ToList()));
            List<(DemoCatalog.Item, int)> bulk = [(gift, 5 * random.Int(2, 12))];
            var extra = Item(random.ListItem(DemoCatalog.CorporateGifts.ToList()));
            if (random.Chance(0.4) && extra != gift)
            {
                bulk.Add((extra, 5 * random.Int(1, 6)));
            }

            return bulk;
        }

        var lines = new List<(DemoCatalog.Item Item, int Quantity)>();
        var count = random.Pick(LineCounts, LineCountWeights);
        if (!shopper.International && DemoCalendar.SeasonWeight(DemoCatalog.Season.SpringFestival, date) > 1 && random.Chance(0.3))
        {
            lines.Add((Item(random.Bool() ? "GIFT-NEWYEAR" : "GIFT-REDENVELOPE"), random.Int(1, 3)));
        }
        else if (DemoCalendar.IsMidAutumnSeason(date) && random.Chance(0.2))
        {
            lines.Add((Item("GIFT-MIDAUTUMN"), random.Int(1, 2)));
        }

        for (var attempt = 0; lines.Count < count && attempt < 10; attempt++)
        {
            var item = shopper.Usual.Count > 0 && random.Chance(0.45)
                ? random.ListItem(shopper.Usual)
                : PickItem(random.Chance(0.6) ? shopper.Favourite : random.Pick(Aisles, AisleWeights), date);
            if (lines.Exists(l => l.Item == item))
            {
                continue;
            }

            var quantity = random.Pick(Quantities, item.Aisle == DemoCatalog.Aisle.Teas ? TeaQuantityWeights : QuantityWeights);
            lines.Add((item, quantity));
            if (shopper.Usual.Count < 5 && !shopper.Usual.Contains(item) && random.Chance(0.4))
            {
                shopper.Usual.Add(item);
            }
        }

        return lines;
    }

    private DemoCatalog.Item PickItem(DemoCatalog.Aisle aisle, DateOnly date)
    {
        var items = ByAisle[aisle].ToArray();
        var weights = items.Select(i => (float)(i.Popularity * DemoCalendar.SeasonWeight(i.Season, date))).ToArray();
        return random.Pick(items, weights);
    }

    private static DemoCatalog.Item Item(string sku) => DemoCatalog.Items.First(i => i.Sku == sku);

    /// <summary>A time during the rep's office hours on the day of <paramref name="around"/> or the next working day.</summary>
    private DateTimeOffset OfficeTime(DateTimeOffset around, TimeZoneInfo zone)
    {
        var day = DemoCalendar.OfficeHours(around, zone);
        var date = DemoCalendar.LocalDate(day, zone);
        return DemoCalendar.At(date, new TimeSpan(9, 30, 0) + TimeSpan.FromMinutes(random.Int(0, 8 * 60)), zone);
    }

    private TimeZoneInfo Zone(SalesRep rep)
    {
        if (!_zones.TryGetValue(rep.TimeZone, out var zone))
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(rep.TimeZone);
            _zones[rep.TimeZone] = zone;
        }

        return zone;
    }
}
