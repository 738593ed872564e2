namespace CrmBot.Identity;

public enum CallerRole
{
    /// <summary>A web visitor nobody vouched for: may browse, order, and track an order with its contact details.</summary>
    Anonymous,

    /// <summary>A customer whose identity the bot signed: their own profile and orders only.</summary>
    Customer,

    /// <summary>A sales rep (Teams, or a token minted for a rep): every customer and order.</summary>
    Rep,

    /// <summary>Someone on a staff channel the bot does not know (a Teams user who is not a rep, or another tenant).</summary>
    Stranger,
}
