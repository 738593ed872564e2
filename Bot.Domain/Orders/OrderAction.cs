namespace CrmBot.Domain.Orders;

/// <summary>What can be done to an order; the lifecycle says which actions each status permits.</summary>
public enum OrderAction
{
    Place,
    Pay,
    Ship,
    Deliver,
    Cancel,
    Refund,
}
