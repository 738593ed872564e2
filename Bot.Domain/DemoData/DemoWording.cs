using System.Globalization;
using CrmBot.Domain.Common;

namespace CrmBot.Domain.DemoData;

/// <summary>
/// The words the demo shop writes into its data (product names, reps' notes, reasons, reminders): English for the
/// international shop, Chinese for the Chinese one. Each choice offers as many phrasings in both, so the random
/// draws, and with them the rest of the shop, stay the same.
/// </summary>
internal sealed class DemoWording(bool chinese)
{
    public static DemoWording For(string language) => new(language.StartsWith("zh", StringComparison.OrdinalIgnoreCase));

    private static readonly CultureInfo ChineseCulture = CultureInfo.GetCultureInfo("zh-CN");

    public bool Chinese => chinese;

    public string ProductName(DemoCatalog.Item item) => chinese ? item.ChineseName : item.Name;

    public string WelcomeCall => chinese
        ? "欢迎电话：介绍了本店、品茶活动和满199元包邮。"
        : "Welcome call: introduced the shop, the tea tastings and free shipping over 199 CNY.";

    public string[] CheckIns(DemoCatalog.Item item) => chinese
        ? ["回访：对上次的订单很满意。", "聊了新茶上市。", "问怎么泡绿茶不苦，已发冲泡指南。", $"问{item.ChineseName}是否到货。"]
        : ["Checked in; happy with the last order.", "Talked about the new harvest teas.", "Asked how to brew green tea without it turning bitter; sent the brewing guide.", $"Asked whether the {item.Name} is back in stock."];

    public string[] Churned => chinese
        ? ["现在在别家买。", "暂时不需要，过几个月再联系。", "对上次的配送时间不满意。"]
        : ["Buys elsewhere now.", "No need at the moment; call again in a few months.", "Was unhappy with how long the last delivery took."];

    public string[] NotInterested => chinese
        ? ["已经不感兴趣了。", "要求不要再打电话推销。"]
        : ["Not interested any more.", "Asked not to be called about offers."];

    public string CorporateQuote(int boxes) => chinese ? $"要为客户订{boxes}个礼盒，需要报价。" : $"Wants a quote for {boxes} gift boxes for their clients.";

    public string GiftQuote(DemoCatalog.Item item) => chinese ? $"想买{item.ChineseName}送礼，需要报价。" : $"Wants a quote for the {item.Name} as a gift.";

    public string Interested(DemoCatalog.Item item) => chinese ? $"对{item.ChineseName}感兴趣。" : $"Interested in the {item.Name}.";

    public string Voicemail => chinese ? "已留语音留言。" : "Left a voicemail.";

    public string SendQuote(string customer) => chinese ? $"给{customer}发报价" : $"Send {customer} the quote";

    public string CorporateNote => chinese
        ? "春节和中秋前给客户买礼品；需要开公司抬头的增值税发票。"
        : "Buys gifts for clients before the Spring Festival and Mid-Autumn; wants a VAT invoice in the company's name.";

    public string[] TeaNotes => chinese
        ? ["绿茶喝得多；新龙井到了告诉他。", "喜欢普洱；问问新茶饼。"]
        : ["Drinks a lot of green tea; tell them when the new Longjing arrives.", "Likes Pu'er; ask about the new cakes."];

    public string TeawareNote => chinese ? "收藏茶具；喜欢青瓷。" : "Collects teaware; likes celadon.";

    public string MugsNote => chinese ? "收藏杯子；总问限量版。" : "Collects mugs; always asks about limited editions.";

    public string StationeryNote => chinese ? "每天写手账；对新笔记本感兴趣。" : "Journals every day; interested in new notebooks.";

    public string GiftsNote => chinese ? "给家人买礼物；需要礼品包装。" : "Buys gifts for family; wants gift wrapping.";

    public string[] ChangeOfMind => chinese
        ? ["不想要了", "颜色选错了", "重复下单了", "别家更便宜"]
        : ["Changed my mind", "Ordered the wrong colour", "Ordered twice by mistake", "Found a cheaper offer elsewhere"];

    public string CartAbandoned => chinese ? "购物车放弃：7天内未结账" : "Cart abandoned: not checked out within 7 days";

    public string NotPaid => chinese ? "3天内未付款" : "Not paid within 3 days";

    public string ParcelLost(string carrier) => chinese ? $"包裹被{carrier}弄丢，已全额退款" : $"Parcel lost by {carrier}; refunded in full";

    public string AskedWhere(string order, string carrier, string tracking) => chinese
        ? $"询问{order}到哪了；机器人发送了{carrier}的运单号{tracking}。"
        : $"Asked where {order} is; the bot sent the {carrier} tracking number {tracking}.";

    public string[] FullRefunds => chinese
        ? ["7天内退货，未拆封", "发错货，已退回", "到货破损，已退回"]
        : ["Returned within 7 days, unopened", "Wrong item sent; returned", "Arrived broken; returned"];

    public string Damaged(string product) => chinese ? $"一件{product}到货破损" : $"One {product} arrived damaged";

    public string LateGoodwill => chinese ? "包裹迟到：补偿退款20%" : "Parcel arrived late: 20% goodwill refund";

    /// <summary>The total as its readers write it; stored text, so not in the culture of whoever reads it later.</summary>
    public string RemindToPay(string customer, string order, Money total) => chinese
        ? string.Create(ChineseCulture, $"提醒{customer}支付{order}（{total}）")
        : string.Create(CultureInfo.InvariantCulture, $"Remind {customer} to pay {order} ({total})");

    public string CheckDelivered(string order, string customer) => chinese ? $"确认{order}已送到{customer}" : $"Check that {order} reached {customer}";

    public string AskAboutGiftBoxes(string customer) => chinese
        ? $"问{customer}今年春节要多少礼盒"
        : $"Ask {customer} how many Spring Festival gift boxes they need this year";

    public string CallQuietCustomer(string customer, int days) => chinese ? $"给{customer}打电话：已经{days}天没有下单" : $"Call {customer}: no order for {days} days";

    public string PlanCalls => chinese ? "安排下周的电话" : "Plan next week's calls";

    public string UpdatePriceList => chinese ? "更新新茶上市的价格表" : "Update the price list for the new tea harvest";

    /// <summary>The reps of China by the names their customers know them by.</summary>
    public (string North, string East, string SouthWest) ChinaReps => chinese ? ("李娜", "陈杰", "王芳") : ("Li Na", "Chen Jie", "Wang Fang");
}
