namespace CrmBot.Domain.DemoData;

/// <summary>The demo shop's 60 products (teas, teaware, mugs, notebooks, gifts), priced in CNY.</summary>
internal static class DemoCatalog
{
    public const string Currency = "CNY";

    /// <summary>Skus a company buys by the dozen as gifts for its clients and staff.</summary>
    public static IReadOnlyList<string> CorporateGifts { get; } =
        ["GIFT-CORPORATE", "GIFT-TEAMUG", "SET-GONGFU", "SET-TRAVEL", "TEA-LONGJING", "TEA-DAHONGPAO", "NB-LEATHER"];

    public static IReadOnlyList<Item> Items { get; } =
    [
        new("MUG-BLUE", "Blue glaze mug", "蓝色釉面杯子", 68, Aisle.Mugs, 9),
        new("MUG-WHITE", "White porcelain mug", "白瓷杯子", 58, Aisle.Mugs, 7),
        new("MUG-CELADON", "Celadon mug", "青瓷杯子", 78, Aisle.Mugs, 6),
        new("MUG-RED", "Cinnabar red mug", "朱砂红杯子", 68, Aisle.Mugs, 5),
        new("MUG-BLACK", "Matte black mug", "哑光黑杯子", 62, Aisle.Mugs, 4),
        new("MUG-PANDA", "Panda mug", "熊猫杯子", 72, Aisle.Mugs, 8),
        new("MUG-ZODIAC", "Zodiac mug, limited edition", "生肖杯子（限量版）", 98, Aisle.Mugs, 6, Season.SpringFestival, Limited: true),
        new("MUG-TRAVEL", "Stainless steel travel mug", "不锈钢保温随行杯", 128, Aisle.Mugs, 5),
        new("MUG-GLASS", "Double-wall glass mug", "双层玻璃杯", 88, Aisle.Mugs, 5),
        new("MUG-INFUSER", "Mug with tea infuser and lid", "带滤网和盖的泡茶杯", 98, Aisle.Mugs, 7),

        new("TEA-LONGJING", "West Lake Longjing green tea, 100 g", "西湖龙井绿茶 100克", 168, Aisle.Teas, 10),
        new("TEA-BILUOCHUN", "Biluochun green tea, 100 g", "碧螺春绿茶 100克", 138, Aisle.Teas, 6),
        new("TEA-MAOFENG", "Huangshan Maofeng green tea, 100 g", "黄山毛峰绿茶 100克", 118, Aisle.Teas, 5),
        new("TEA-TIEGUANYIN", "Anxi Tieguanyin oolong, 125 g", "安溪铁观音乌龙茶 125克", 128, Aisle.Teas, 8),
        new("TEA-DAHONGPAO", "Wuyi Da Hong Pao rock tea, 100 g", "武夷大红袍岩茶 100克", 198, Aisle.Teas, 6),
        new("TEA-PUER-RAW", "Raw Pu'er cake, 357 g", "普洱生茶饼 357克", 238, Aisle.Teas, 4),
        new("TEA-PUER-RIPE", "Ripe Pu'er cake, 357 g", "普洱熟茶饼 357克", 208, Aisle.Teas, 5),
        new("TEA-KEEMUN", "Keemun black tea, 100 g", "祁门红茶 100克", 98, Aisle.Teas, 5),
        new("TEA-DIANHONG", "Yunnan Dianhong black tea, 100 g", "云南滇红 100克", 88, Aisle.Teas, 6),
        new("TEA-LAPSANG", "Lapsang souchong, 100 g", "正山小种 100克", 108, Aisle.Teas, 4),
        new("TEA-JASMINE", "Jasmine pearls, 100 g", "茉莉龙珠 100克", 118, Aisle.Teas, 8),
        new("TEA-SILVERNEEDLE", "Silver Needle white tea, 50 g", "白毫银针白茶 50克", 228, Aisle.Teas, 3),
        new("TEA-PEONY", "White Peony white tea, 100 g", "白牡丹白茶 100克", 128, Aisle.Teas, 4),
        new("TEA-OSMANTHUS", "Osmanthus oolong, 100 g", "桂花乌龙 100克", 98, Aisle.Teas, 5),
        new("TEA-CHRYSANTHEMUM", "Hangzhou chrysanthemum, 50 g", "杭白菊 50克", 48, Aisle.Teas, 6),
        new("TEA-SAMPLER", "Tea tasting sampler, 8 teas", "品鉴茶样套装（8款）", 158, Aisle.Teas, 7),

        new("SET-GONGFU", "Gongfu tea set, 8 pieces", "功夫茶具（8件套）", 398, Aisle.Teaware, 7),
        new("SET-CELADON", "Longquan celadon tea set", "龙泉青瓷茶具", 568, Aisle.Teaware, 4),
        new("SET-BLUEWHITE", "Blue and white porcelain tea set", "青花瓷茶具", 468, Aisle.Teaware, 5),
        new("SET-TRAVEL", "Travel tea set with case", "旅行茶具（带收纳包）", 188, Aisle.Teaware, 6),
        new("SET-GLASS", "Glass tea set with warmer", "玻璃茶具（带温茶炉）", 328, Aisle.Teaware, 4),
        new("TEAPOT-YIXING", "Yixing clay teapot, 200 ml", "宜兴紫砂壶 200毫升", 688, Aisle.Teaware, 3),
        new("TEAPOT-GLASS", "Heat-resistant glass teapot, 600 ml", "耐热玻璃茶壶 600毫升", 128, Aisle.Teaware, 6),
        new("TEAPOT-IRON", "Cast iron teapot, 800 ml", "铸铁茶壶 800毫升", 458, Aisle.Teaware, 3),
        new("GAIWAN-WHITE", "White porcelain gaiwan", "白瓷盖碗", 78, Aisle.Teaware, 6),
        new("GAIWAN-CELADON", "Celadon gaiwan", "青瓷盖碗", 108, Aisle.Teaware, 4),
        new("CUPS-TASTING6", "Tasting cups, set of 6", "品茗杯（6只装）", 98, Aisle.Teaware, 6),
        new("TRAY-BAMBOO", "Bamboo tea tray", "竹制茶盘", 258, Aisle.Teaware, 3),
        new("PITCHER-GLASS", "Glass fairness pitcher", "玻璃公道杯", 58, Aisle.Teaware, 5),
        new("CADDY-TIN", "Tea caddy tin", "锡制茶叶罐", 45, Aisle.Teaware, 5),

        new("NB-A5-DOT", "A5 dot-grid notebook", "A5 点阵笔记本", 45, Aisle.Stationery, 9),
        new("NB-A5-LINED", "A5 lined notebook", "A5 横线笔记本", 45, Aisle.Stationery, 7),
        new("NB-A5-BLANK", "A5 blank sketchbook", "A5 空白素描本", 48, Aisle.Stationery, 5),
        new("NB-A6-POCKET", "A6 pocket notebooks, 3-pack", "A6 口袋笔记本（3本装）", 39, Aisle.Stationery, 6),
        new("NB-LEATHER", "Leather notebook cover with refill", "真皮笔记本套（含内芯）", 168, Aisle.Stationery, 4),
        new("NB-RICEPAPER", "Rice paper notebook", "宣纸笔记本", 58, Aisle.Stationery, 4),
        new("NB-PLANNER", "Weekly planner for the coming year", "来年周计划本", 78, Aisle.Stationery, 6, Season.YearEnd),
        new("PEN-FOUNTAIN", "Fountain pen", "钢笔", 158, Aisle.Stationery, 4),
        new("PEN-BRUSH", "Calligraphy brush pen set", "书法软笔套装", 68, Aisle.Stationery, 5),
        new("INK-BLACK", "Black ink, 50 ml", "黑色墨水 50毫升", 35, Aisle.Stationery, 4),
        new("BOOKMARK-BRASS", "Brass bookmark", "黄铜书签", 38, Aisle.Stationery, 3),
        new("WASHI-TAPE", "Washi tape, set of 10", "和纸胶带（10卷装）", 29, Aisle.Stationery, 6),

        new("GIFT-NEWYEAR", "Spring Festival tea gift box", "春节茶叶礼盒", 288, Aisle.Gifts, 6, Season.SpringFestival),
        new("GIFT-REDENVELOPE", "Red envelopes, pack of 20", "红包（20个装）", 19, Aisle.Gifts, 5, Season.SpringFestival),
        new("GIFT-MIDAUTUMN", "Mid-Autumn tea and mooncake box", "中秋茶叶月饼礼盒", 268, Aisle.Gifts, 5, Season.MidAutumn),
        new("GIFT-TEAMUG", "Tea and mug gift set", "茶叶杯子礼盒", 198, Aisle.Gifts, 6),
        new("GIFT-CORPORATE", "Engraved corporate gift box", "企业定制刻字礼盒", 368, Aisle.Gifts, 2),
        new("COASTER-SET", "Ceramic coasters, set of 4", "陶瓷杯垫（4只装）", 58, Aisle.Gifts, 5),
        new("CANDLE-OSMANTHUS", "Osmanthus scented candle", "桂花香薰蜡烛", 88, Aisle.Gifts, 4),
        new("FAN-SILK", "Silk hand fan", "真丝团扇", 68, Aisle.Gifts, 3),
    ];

    public enum Aisle
    {
        Mugs,
        Teas,
        Teaware,
        Stationery,
        Gifts,
    }

    /// <summary>When an item sells far better than the rest of the year.</summary>
    public enum Season
    {
        AllYear,
        SpringFestival,
        MidAutumn,
        YearEnd,
    }

    /// <summary>
    /// A product as the shop lists it, with its name in the English and the Chinese shop. Popularity weighs it against the others of its aisle (1-10);
    /// a limited item is a one-off batch that is never restocked, so it can sell out.
    /// </summary>
    public sealed record Item(string Sku, string Name, string ChineseName, decimal Price, Aisle Aisle, int Popularity, Season Season = Season.AllYear, bool Limited = false)
    {
        /// <summary>What the shop starts with: fewer of the dear things, more of the cheap ones.</summary>
        public int InitialStock => Limited ? 400 : Price switch
        {
            < 60 => 600,
            < 150 => 400,
            < 300 => 250,
            _ => 120,
        };

        /// <summary>How many units a restock brings in.</summary>
        public int RestockLot => Math.Max(InitialStock / 2, 50);
    }
}
