using System.Text.RegularExpressions;

namespace CrmBot.Understanding;

/// <summary>
/// People's names where the sentence makes them clear, never a guess from the word alone: a capitalised name
/// after call, email, meet, customer, with, find ... ("call Alice", "log a call with Bob Lee"), a lower-case one-word name
/// only after those verbs or customer/client ("call alice"), and a Chinese name (a common surname and one or two
/// more characters, or a surname and a title such as 先生) after 客户, 给, 联系, customer ... ("客户张三", "给张三打电话").
/// </summary>
internal sealed partial class PersonNameExtractor : IEntityExtractor
{
    /// <summary>Words that follow those cues without being names.</summary>
    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "me", "him", "her", "them", "us", "you", "it", "i", "back", "later", "now", "again", "soon", "the", "a", "an", "my",
        "your", "our", "their", "his", "this", "that", "these", "those", "someone", "somebody", "anyone", "anybody",
        "everyone", "nobody", "human", "person", "people", "agent", "customer", "customers", "client", "clients", "service",
        "support", "care", "team", "sales", "rep", "manager", "today", "tonight", "tomorrow", "yesterday", "monday",
        "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "next", "last", "about", "please", "so", "and",
        "or", "to", "at", "on", "in", "by", "for", "from", "up", "out", "of", "with", "details", "detail", "info",
        "information", "list", "number", "phone", "email", "address", "order", "orders", "who", "what", "when", "where",
        "whose", "how", "why", "call", "calls", "reminder", "note", "notes", "profile", "account", "search", "named",
        "called", "lookup", "look", "find", "new", "all", "any", "some", "one", "is", "was", "are", "re", "asap", "urgently",
        "regarding", "re:", "morning", "afternoon", "evening", "week", "month",
    };

    private static readonly HashSet<string> CommonVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "paid", "pay", "got", "get", "want", "need", "said", "say", "told", "ask", "bought", "buy", "order", "will", "would",
        "can", "could", "should", "may", "might", "must", "has", "have", "had", "did", "does", "do", "be", "been", "am",
        "came", "come", "went", "go", "sent", "send", "left", "made", "make", "took", "take", "gave", "give", "thinks",
        "complained", "called", "tomorrow", "asap", "urgently", "again", "first", "about", "regarding", "if", "when",
    };

    public void Extract(EntityDraft draft)
    {
        var text = draft.Unclaimed;
        foreach (Match match in LatinName().Matches(text))
        {
            var name = match.Groups["name"];
            var words = name.Value.Split(' ');
            var lowerCase = char.IsLower(words[0][0]);
            if (lowerCase && (!match.Groups["strong"].Success || LooksLikeVerb(words[0])))
            {
                continue;
            }

            // A capitalised name ends at the first word that is not one ("call Alice Tomorrow" is Alice).
            var kept = words.TakeWhile(word => !NotNames.Contains(word) && char.IsLower(word[0]) == lowerCase).Take(lowerCase ? 1 : 3).ToList();
            if (kept.Count > 0)
            {
                var value = string.Join(' ', kept);
                draft.TryAdd(new PersonNameEntity { Text = value, Position = name.Index, Name = value });
            }
        }

        foreach (Match match in ChineseName().Matches(draft.Unclaimed))
        {
            var name = match.Groups["name"];
            draft.TryAdd(new PersonNameEntity { Text = name.Value, Position = name.Index, Name = name.Value });
        }
    }

    /// <summary>"customer paid", "client wants": a lower-case word after a cue is a name only if it does not look like a verb.</summary>
    private static bool LooksLikeVerb(string word) =>
        word.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || word.EndsWith("ing", StringComparison.OrdinalIgnoreCase)
        || word.EndsWith('s') || CommonVerbs.Contains(word);

    [GeneratedRegex(
        @"(?<![A-Za-z])(?i:(?<strong>follow(?:ing)? up with|(?:spoke|talked|speak|talk|chat|chatted) (?:to|with)|meet(?:ing)? with|met with|call(?:ed)?|ring|phone(?:d)?|text(?:ed)?|e-?mail(?:ed)?|message(?:d)?|meet|met|visit(?:ed)?|contact(?:ed)?|customer|client|named)|with|find|look ?up|search(?: for)?|who is)(?=\s+(?<name>[A-Za-z][a-z'\-]+(?: [A-Z][a-z'\-]+){0,3}))",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: PatternTimeout.Milliseconds)]
    private static partial Regex LatinName();

    [GeneratedRegex(
        @"(?:客户|顾客|联系人|会员|用户|买家|给|打给|联系|通知|拜访|回访|约|约了|见|和|跟|与|问问|问一下|(?:找|查|搜|查找|查询|搜索)(?:一下|下)?|(?i:customer|client|call|with|for))\s*(?<name>(?:欧阳|司马|诸葛|上官|东方|皇甫|令狐|慕容|司徒|夏侯|尉迟|长孙|宇文|[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵钱严覃武戴莫孔汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞柳祝舒阮柯纪梅童凌毕季裴霍涂苗谷盛曲翁冉骆蓝游辛靳柴蒙鲍华喻祁蒲房滕屈饶牟艾尤穆卓吉缪简项芦麦褚娄窦戚岑景宫卜晏席卫柏宗瞿桂佟臧闵苟邬卞姬仇栾隋刁沙荣巫寇桑郎甄丛仲虞敖巩佘池苑迟邝])(?:先生|女士|小姐|老师|经理|总|老板|[\p{IsCJKUnifiedIdeographs}]{1,2}?))(?=$|[\s\p{P}\p{S}]|打|发|的|说|讲|聊|谈|下单|订|买|吗|吧|呢|了|电话|手机|邮箱|见面|联系|沟通|回|明天|今天|后天|下周|这周|本周|周|星期|上午|下午|晚上|早上|中午|在|是|和|跟|与|约|开会|最近)",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: PatternTimeout.Milliseconds)]
    private static partial Regex ChineseName();
}
