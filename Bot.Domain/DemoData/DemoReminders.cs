using Bogus;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Reminders;
using CrmBot.Domain.SalesReps;

namespace CrmBot.Domain.DemoData;

/// <summary>
/// What each rep has on their list for the coming days: unpaid orders to chase, parcels to check on,
/// regular customers who have gone quiet, companies to ask about their Spring Festival gifts.
/// </summary>
internal sealed class DemoReminders(Randomizer random, DemoWording wording, DateTimeOffset now)
{
    private const int PerRep = 6;

    public List<Reminder> ForTheComingDays(IReadOnlyList<SalesRep> team, IReadOnlyList<DemoShopper> shoppers, IReadOnlyList<Order> orders)
    {
        var byCustomer = shoppers.ToDictionary(s => s.Customer.Id);
        var lastOrder = new Dictionary<Guid, DateTimeOffset>();
        foreach (var order in orders.Where(o => o.PlacedAt is not null))
        {
            lastOrder[order.CustomerId] = order.PlacedAt!.Value;
        }

        var nextFestival = DemoCalendar.NextSpringFestival(DemoCalendar.ChinaDate(now));
        var giftSeasonSoon = nextFestival is { } festival && festival.DayNumber - DemoCalendar.ChinaDate(now).DayNumber is > 7 and <= 75;
        var reminders = new List<Reminder>();
        foreach (var rep in team)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(rep.TimeZone);
            var mine = new List<Reminder>();
            void Add(string text, double fromHours, double toHours, Guid? customerId = null, Guid? orderId = null)
            {
                if (mine.Count < PerRep)
                {
                    var due = DemoCalendar.OfficeHours(now.AddMinutes(random.Int((int)(fromHours * 60), (int)(toHours * 60))), zone);
                    mine.Add(new Reminder(rep.Id, text, due, now.AddHours(-random.Int(1, 72)), customerId, orderId));
                }
            }

            var customers = shoppers.Where(s => s.Rep == rep).ToList();
            foreach (var order in orders.Where(o => byCustomer[o.CustomerId].Rep == rep && o.Status == OrderStatus.Placed))
            {
                Add(wording.RemindToPay(byCustomer[order.CustomerId].Customer.Name, order.Number, order.Total), 2, 20, order.CustomerId, order.Id);
            }

            foreach (var order in orders.Where(o => byCustomer[o.CustomerId].Rep == rep && o.Status == OrderStatus.Shipped).Take(2))
            {
                Add(wording.CheckDelivered(order.Number, byCustomer[order.CustomerId].Customer.Name), 24, 72, order.CustomerId, order.Id);
            }

            if (giftSeasonSoon)
            {
                foreach (var company in customers.Where(s => s.IsCorporate).Take(2))
                {
                    Add(wording.AskAboutGiftBoxes(company.Customer.Name), 4, 96, company.Customer.Id);
                }
            }

            var quiet = customers
                .Where(s => s.Kind is DemoShopper.Habit.Loyal or DemoShopper.Habit.Regular
                    && lastOrder.TryGetValue(s.Customer.Id, out var last) && (now - last).TotalDays is > 45 and < 240)
                .Take(2);
            foreach (var shopper in quiet)
            {
                var days = (int)(now - lastOrder[shopper.Customer.Id]).TotalDays;
                Add(wording.CallQuietCustomer(shopper.Customer.Name, days), 20, 120, shopper.Customer.Id);
            }

            Add(wording.PlanCalls, 24, 96);
            Add(wording.UpdatePriceList, 48, 168);
            reminders.AddRange(mine);
        }

        return reminders;
    }
}
